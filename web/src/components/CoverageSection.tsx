// Coverage and benefits on the client chart: who pays (with when eligibility was last verified and
// "Verify today"), the authorizations a payer gave (units used of those approved as a bar, units
// left, warnings when they run low or end soon, "Record units used"), and advocacy items
// (applications, claims, appeals) with their status.

import { useState } from 'preact/hooks';
import type { AdvocacyItem, Authorization, Coverage } from '../coverageApi';
import {
  daysUntil,
  listAdvocacy,
  listAuthorizations,
  listCoverages,
  todayForServer,
  updateCoverage,
} from '../coverageApi';
import { ADVOCACY_KIND_LABELS, ADVOCACY_STATUS_LABELS, PAYER_LABELS } from '../coverageLabels';
import { labelOf } from '../cycleLabels';
import { asApiError } from '../api';
import { useResource } from '../useResource';
import { AdvocacyForm } from './AdvocacyForm';
import { AuthorizationCard } from './AuthorizationCard';
import { AuthorizationForm } from './AuthorizationForm';
import { CoverageForm } from './CoverageForm';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  clientId: string;
  refreshKey: number;
  canEdit: boolean;
  onChanged: (message: string) => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function formatDay(date: string | null): string {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return dateFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function verifiedText(verifiedOn: string | null): string {
  if (!verifiedOn) return 'Never verified';
  const days = daysUntil(verifiedOn);
  const ago = days === null ? '' : days === 0 ? ' (today)' : days === -1 ? ' (yesterday)' : ` (${-days} days ago)`;
  return `${formatDay(verifiedOn)}${ago}`;
}

type Adding = 'coverage' | 'authorization' | 'advocacy' | null;

export function CoverageSection({ clientId, refreshKey, canEdit, onChanged }: Props) {
  const coverages = useResource(() => listCoverages(clientId), [clientId, refreshKey]);
  const authorizations = useResource(() => listAuthorizations(clientId), [clientId, refreshKey]);
  const advocacy = useResource(() => listAdvocacy(clientId), [clientId, refreshKey]);
  const [adding, setAdding] = useState<Adding>(null);
  const [updating, setUpdating] = useState<string | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [verifyError, setVerifyError] = useState<{ id: string; error: unknown } | null>(null);
  const [message, setMessage] = useState('');

  const coverageList = coverages.data?.items ?? [];
  const authorizationList = authorizations.data?.items ?? [];
  const advocacyList = advocacy.data?.items ?? [];

  function announce(what: string) {
    setMessage(what);
    onChanged(what);
  }

  function replaceCoverage(next: Coverage) {
    coverages.set({ items: coverageList.map((c) => (c.id === next.id ? next : c)) });
  }

  function replaceAuthorization(next: Authorization) {
    authorizations.set({ items: authorizationList.map((a) => (a.id === next.id ? next : a)) });
  }

  function replaceAdvocacy(next: AdvocacyItem) {
    advocacy.set({ items: advocacyList.map((item) => (item.id === next.id ? next : item)) });
  }

  async function verifyToday(coverage: Coverage) {
    setVerifying(coverage.id);
    setVerifyError(null);
    try {
      const next = await updateCoverage(coverage, { verified_on: todayForServer() });
      replaceCoverage(next);
      announce(`Eligibility with ${next.payer_name} verified today.`);
    } catch (err) {
      const error = asApiError(err);
      setVerifyError({ id: coverage.id, error });
      if (error.status === 412) coverages.reload();
    } finally {
      setVerifying(null);
    }
  }

  const addButton = (what: Exclude<Adding, null>, label: string, disabled = false) =>
    canEdit && adding !== what ? (
      <button type="button" class="button-secondary button-small" disabled={disabled} onClick={() => setAdding(what)}>
        {label}
      </button>
    ) : null;

  return (
    <section class="card coverage" aria-labelledby="coverage-heading">
      <div class="card-heading">
        <h2 id="coverage-heading">Coverage and benefits</h2>
      </div>
      <p class="muted small" role="status" aria-live="polite">
        {message}
      </p>
      <ErrorAlert error={coverages.error ?? authorizations.error ?? advocacy.error} />

      <div class="coverage-layout">
        <div class="coverage-part" role="group" aria-labelledby="coverages-heading">
          <div class="card-heading">
            <h3 id="coverages-heading">Coverage</h3>
            {addButton('coverage', 'Add coverage')}
          </div>
          {adding === 'coverage' ? (
            <CoverageForm clientId={clientId} onCancel={() => setAdding(null)}
              onDone={(created) => {
                setAdding(null);
                coverages.set({ items: [...coverageList, created] });
                announce(`Coverage with ${created.payer_name} added.`);
              }} />
          ) : null}
          {coverages.data && coverageList.length === 0 ? <p class="muted">No coverage recorded.</p> : null}
          <div class="record-list">
            {coverageList.map((coverage) => {
              const headingId = `coverage-${coverage.id}-heading`;
              return (
                <article key={coverage.id} class={`record coverage-record${coverage.active ? '' : ' coverage-inactive'}`}
                  aria-labelledby={headingId}>
                  <div class="record-heading">
                    <h4 id={headingId}>{coverage.payer_name}</h4>
                    <span>
                      <span class="badge badge-status">{labelOf(PAYER_LABELS, coverage.payer_kind)}</span>
                      {!coverage.active ? <span class="badge badge-status">Inactive</span> : null}
                    </span>
                  </div>
                  <dl class="details compact">
                    <div>
                      <dt>Member ID</dt>
                      <dd class="mono">{coverage.member_id ?? '—'}</dd>
                    </div>
                    <div>
                      <dt>Eligibility verified</dt>
                      <dd>
                        {coverage.verified_on ? verifiedText(coverage.verified_on) : <span class="badge badge-attention">Never verified</span>}
                      </dd>
                    </div>
                  </dl>
                  {verifyError?.id === coverage.id ? <ErrorAlert error={verifyError.error} /> : null}
                  {canEdit && coverage.verified_on !== todayForServer() ? (
                    <button type="button" class="button-secondary button-small" disabled={verifying === coverage.id}
                      onClick={() => verifyToday(coverage)}>
                      {verifying === coverage.id ? 'Saving…' : 'Verify today'}
                      <span class="visually-hidden"> ({coverage.payer_name})</span>
                    </button>
                  ) : null}
                </article>
              );
            })}
          </div>
        </div>

        <div class="coverage-part" role="group" aria-labelledby="authorizations-heading">
          <div class="card-heading">
            <h3 id="authorizations-heading">Authorizations</h3>
            {addButton('authorization', 'Add authorization', coverageList.length === 0)}
          </div>
          {canEdit && coverageList.length === 0 && coverages.data ? (
            <p class="muted small">Add the coverage first: an authorization comes from a payer.</p>
          ) : null}
          {adding === 'authorization' ? (
            <AuthorizationForm clientId={clientId} coverages={coverageList.filter((c) => c.active)}
              onCancel={() => setAdding(null)}
              onDone={(created) => {
                setAdding(null);
                authorizations.set({ items: [...authorizationList, created] });
                announce(`Authorization for ${created.service} added.`);
              }} />
          ) : null}
          {authorizations.data && authorizationList.length === 0 ? <p class="muted">No authorizations.</p> : null}
          <div class="record-list">
            {authorizationList.map((authorization) => (
              <AuthorizationCard key={authorization.id} authorization={authorization} canEdit={canEdit}
                coverage={coverageList.find((c) => c.id === authorization.coverage_id) ?? null} formatDay={formatDay}
                onStale={authorizations.reload}
                onChanged={(next, what) => {
                  replaceAuthorization(next);
                  announce(what);
                }} />
            ))}
          </div>
        </div>

        <div class="coverage-part" role="group" aria-labelledby="advocacy-heading">
          <div class="card-heading">
            <h3 id="advocacy-heading">Advocacy</h3>
            {addButton('advocacy', 'Add advocacy item')}
          </div>
          {adding === 'advocacy' ? (
            <AdvocacyForm clientId={clientId} onCancel={() => setAdding(null)}
              onDone={(created) => {
                setAdding(null);
                advocacy.set({ items: [...advocacyList, created] });
                announce(`${labelOf(ADVOCACY_KIND_LABELS, created.kind)} added.`);
              }} />
          ) : null}
          {advocacy.data && advocacyList.length === 0 ? (
            <p class="muted">No benefit or aid applications, claims or appeals.</p>
          ) : null}
          <div class="record-list">
            {advocacyList.map((item) => {
              const headingId = `advocacy-${item.id}-heading`;
              return (
                <article key={item.id} class="record advocacy" aria-labelledby={headingId}>
                  <div class="record-heading">
                    <h4 id={headingId}>{labelOf(ADVOCACY_KIND_LABELS, item.kind)}</h4>
                    <span class={`badge badge-status advocacy-${item.status}`}>
                      {labelOf(ADVOCACY_STATUS_LABELS, item.status)}
                    </span>
                  </div>
                  <p class="preline">{item.description}</p>
                  <p class="muted small">
                    {item.submitted_on ? `Submitted ${formatDay(item.submitted_on)}` : 'Not submitted yet'} ·{' '}
                    {item.decided_on ? `decided ${formatDay(item.decided_on)}` : 'no decision yet'}
                  </p>
                  {canEdit && updating !== item.id ? (
                    <button type="button" class="button-secondary button-small" onClick={() => setUpdating(item.id)}>
                      Update status<span class="visually-hidden"> of {labelOf(ADVOCACY_KIND_LABELS, item.kind).toLowerCase()}</span>
                    </button>
                  ) : null}
                  {updating === item.id ? (
                    <AdvocacyForm clientId={clientId} item={item} onStale={advocacy.reload}
                      onCancel={() => setUpdating(null)}
                      onDone={(next) => {
                        setUpdating(null);
                        replaceAdvocacy(next);
                        announce(`Status set to ${labelOf(ADVOCACY_STATUS_LABELS, next.status).toLowerCase()}.`);
                      }} />
                  ) : null}
                </article>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
