// The client's care plan reviews, newest first.

import { listPlanReviews } from '../dischargeApi';
import { formatDateTime } from '../format';
import { useResource } from '../useResource';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  clientId: string;
  refreshKey: number;
  userName: (id: string | null) => string;
}

export function PlanReviewsSection({ clientId, refreshKey, userName }: Props) {
  const reviews = useResource(() => listPlanReviews(clientId), [clientId, refreshKey]);
  const items = [...(reviews.data?.items ?? [])].sort((a, b) => b.reviewed_at.localeCompare(a.reviewed_at));
  return (
    <section class="card" aria-labelledby="plan-reviews-heading">
      <h2 id="plan-reviews-heading">Plan reviews</h2>
      <ErrorAlert error={reviews.error} />
      {reviews.data && items.length === 0 ? <p class="muted">No plan reviews yet.</p> : null}
      {items.length > 0 ? (
        <ul class="plain-list record-list">
          {items.map((review) => (
            <li key={review.id} class="record">
              <p class="muted small">
                {formatDateTime(review.reviewed_at)} by {userName(review.reviewed_by)}
              </p>
              <p class="preline">{review.summary}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
