// One client's page: demographics, support network and cases.

import { useEffect } from 'preact/hooks';
import { ApiError, getClient } from '../api';
import { CasesSection } from '../components/CasesSection';
import { ClientDemographics } from '../components/ClientDemographics';
import { ContactsSection } from '../components/ContactsSection';
import { ErrorAlert } from '../components/ErrorAlert';
import { birthDateWithAge, clientName, setTitle } from '../format';
import { href } from '../router';
import { useResource } from '../useResource';

export function ClientPage({ id }: { id: string }) {
  const client = useResource(() => getClient(id), [id]);
  const data = client.data && client.data.id === id ? client.data : null;

  useEffect(() => {
    if (data) setTitle(clientName(data));
    else if (client.error instanceof ApiError && client.error.status === 404) setTitle('Client not found');
    else setTitle('Client');
  }, [data, client.error]);

  if (client.error instanceof ApiError && client.error.status === 404) {
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
    </div>
  );
}
