// One client's page: demographics, support network, cases and who accessed the record. A client
// that is not on the user's caseload or care team answers 403: that gets its own explanation.

import { useEffect } from 'preact/hooks';
import { ApiError, getClient } from '../api';
import { CasesSection } from '../components/CasesSection';
import { ClientAccessSection } from '../components/ClientAccessSection';
import { ClientDemographics } from '../components/ClientDemographics';
import { ContactsSection } from '../components/ContactsSection';
import { ErrorAlert } from '../components/ErrorAlert';
import { birthDateWithAge, clientName, setTitle } from '../format';
import { href } from '../router';
import { useResource } from '../useResource';

export function ClientPage({ id }: { id: string }) {
  const client = useResource(() => getClient(id), [id]);
  const data = client.data && client.data.id === id ? client.data : null;

  const status = client.error instanceof ApiError ? client.error.status : null;

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
        <div class="alert alert-error" role="alert">
          <p>
            <strong>This client is not on your caseload or care team.</strong> Client records are open only to the
            staff who work with the client, so this record was not shown. The attempt is recorded in the audit trail,
            as every access decision is.
          </p>
          <p>If your work needs this record, ask the client’s case manager or your supervisor to add you to the care team.</p>
        </div>
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
        <h1>{clientName(data)}</h1>
        <p class="subtitle">
          Born {birthDateWithAge(data.birth_date)}
          {data.interpreter_needed ? ' · Interpreter needed' : ''}
        </p>
      </div>
      <div class="client-layout">
        <ClientDemographics client={data} />
        <CasesSection clientId={data.id} />
        <ContactsSection clientId={data.id} />
      </div>
      <ClientAccessSection clientId={data.id} />
    </div>
  );
}
