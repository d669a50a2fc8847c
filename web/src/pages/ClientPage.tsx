// One client's page: demographics, support network, cases, consent and who accessed the record. A
// client that is not on the user's caseload or care team answers 403: that gets its own explanation
// and, for roles that may, the break-the-glass form. Access through a grant shows a banner.

import { useEffect } from 'preact/hooks';
import type { User } from '../api';
import { ApiError, getClient, listBreakGlass } from '../api';
import { canBreakGlass } from '../access';
import { BreakGlassBanner } from '../components/BreakGlassBanner';
import { BreakGlassForm } from '../components/BreakGlassForm';
import { CasesSection } from '../components/CasesSection';
import { ClientAccessSection } from '../components/ClientAccessSection';
import { ClientDemographics } from '../components/ClientDemographics';
import { ConsentSection } from '../components/ConsentSection';
import { ContactsSection } from '../components/ContactsSection';
import { ErrorAlert } from '../components/ErrorAlert';
import { RestrictedBadge } from '../components/RestrictedBadge';
import { birthDateWithAge, clientName, setTitle } from '../format';
import { href } from '../router';
import { useResource } from '../useResource';

export function ClientPage({ id, user }: { id: string; user: User }) {
  const client = useResource(() => getClient(id), [id]);
  const data = client.data && client.data.id === id ? client.data : null;
  const opened = data !== null;
  // Grants on this client, to tell whether this user reads it through one (loaded once it opened).
  const grants = useResource(() => (opened ? listBreakGlass(id) : Promise.resolve(null)), [id, opened]);

  const status = client.error instanceof ApiError ? client.error.status : null;
  const byConsent = client.error instanceof ApiError && client.error.field === 'consent';

  useEffect(() => {
    if (data) setTitle(clientName(data));
    else if (status === 404) setTitle('Client not found');
    else if (status === 403) setTitle('Client not on your caseload');
    else setTitle('Client');
  }, [data, status]);

  if (status === 403) {
    return (
      <div>
        <h1>You can’t open this client’s record</h1>
        {byConsent ? (
          <div class="alert alert-error" role="alert">
            <p>
              <strong>This client restricted their record.</strong> Only the staff named by the client’s consent may
              open it, so it was not shown. The attempt is recorded in the audit trail, as every access decision is.
            </p>
            <p>If your work needs this record, the client’s consent has to name you.</p>
          </div>
        ) : (
          <div class="alert alert-error" role="alert">
            <p>
              <strong>This client is not on your caseload or care team.</strong> Client records are open only to the
              staff who work with the client, so this record was not shown. The attempt is recorded in the audit
              trail, as every access decision is.
            </p>
            <p>If your work needs this record, ask the client’s case manager or your supervisor to add you to the care team.</p>
          </div>
        )}
        {canBreakGlass(user.role) ? <BreakGlassForm clientId={id} onGranted={() => client.reload()} /> : null}
        <p>
          <a href={href('/clients')}>Back to the client list</a>
        </p>
      </div>
    );
  }

  if (status === 404) {
    return (
      <div>
        <h1>Client not found</h1>
        <p>
          No client with this id exists in your organization.{' '}
          <a href={href('/clients')}>Back to the client list</a>.
        </p>
      </div>
    );
  }

  if (!data) {
    return (
      <div>
        <h1>Client</h1>
        <ErrorAlert error={client.error} />
        {client.loading ? (
          <p class="muted" role="status">
            Loading client…
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div>
      <p class="breadcrumb">
        <a href={href('/clients')}>Clients</a> <span aria-hidden="true">›</span>
      </p>
      <div class="page-heading">
        <h1>
          {clientName(data)}
          {data.restricted ? <RestrictedBadge /> : null}
        </h1>
        <p class="subtitle">
          Born {birthDateWithAge(data.birth_date)}
          {data.interpreter_needed ? ' · Interpreter needed' : ''}
        </p>
      </div>
      <BreakGlassBanner grants={grants.data?.items ?? []} userId={user.id} />
      <div class="client-layout">
        <ClientDemographics client={data} />
        <CasesSection clientId={data.id} />
        <ContactsSection clientId={data.id} />
      </div>
      <ConsentSection client={data} onClientChanged={client.set} />
      <ClientAccessSection clientId={data.id} />
    </div>
  );
}
