// One client's page: the case work actions and the chart (one timeline of the client's care, with
// what is due), the assessments with their trends, the care plan of each open case, coverage and
// benefits, the records of the case cycle (notes, referrals
// out, appointments, incidents, discharges, plan reviews, safety plan), demographics, support
// network, cases, consent and who accessed the record. Every write bumps `chartKey`, so every part
// reads again and agrees. A client that is not on the user's caseload or care team answers 403:
// that gets its own explanation and, for roles that may, the break-the-glass form. Access through a
// grant shows a banner.

import { useEffect, useState } from 'preact/hooks';
import type { User } from '../api';
import { ApiError, getClient, listBreakGlass, listClientCases, listPrograms } from '../api';
import { canBreakGlass, hasClinicalAccess } from '../access';
import { AssessmentsSection } from '../components/AssessmentsSection';
import { BreakGlassBanner } from '../components/BreakGlassBanner';
import { BreakGlassForm } from '../components/BreakGlassForm';
import { AppointmentsSection } from '../components/AppointmentsSection';
import { CarePlanSection } from '../components/CarePlanSection';
import { CasesSection } from '../components/CasesSection';
import { CoverageSection } from '../components/CoverageSection';
import { CaseWorkSection } from '../components/CaseWorkSection';
import { DischargesSection } from '../components/DischargesSection';
import { IncidentsSection } from '../components/IncidentsSection';
import { NotesSection } from '../components/NotesSection';
import { PlanReviewsSection } from '../components/PlanReviewsSection';
import { ReferralOutSection } from '../components/ReferralOutSection';
import { RiskBadge } from '../components/RiskBadge';
import { RiskLevelControl } from '../components/RiskLevelControl';
import { SafetyPlanSection } from '../components/SafetyPlanSection';
import { Timeline } from '../components/Timeline';
import { ClientAccessSection } from '../components/ClientAccessSection';
import { ClientDemographics } from '../components/ClientDemographics';
import { ConsentSection } from '../components/ConsentSection';
import { ContactsSection } from '../components/ContactsSection';
import { ErrorAlert } from '../components/ErrorAlert';
import { RestrictedBadge } from '../components/RestrictedBadge';
import { birthDateWithAge, clientName, setTitle } from '../format';
import { href } from '../router';
import { useResource } from '../useResource';
import { useStaff } from '../useStaff';

interface Props {
  id: string;
  user: User;
  /** Open the safety plan editor (the link from an assessment's safety prompt). */
  openSafetyPlan?: boolean;
}

export function ClientPage({ id, user, openSafetyPlan = false }: Props) {
  const client = useResource(() => getClient(id), [id]);
  const data = client.data && client.data.id === id ? client.data : null;
  const opened = data !== null;
  // Grants on this client, to tell whether this user reads it through one (loaded once it opened).
  const grants = useResource(() => (opened ? listBreakGlass(id) : Promise.resolve(null)), [id, opened]);
  const [chartKey, setChartKey] = useState(0);
  // Set when this user closed a case here: a case manager without another open case on the client
  // (and not on its care team) may no longer open the record, which is then said plainly.
  const [closedHere, setClosedHere] = useState(false);
  const refresh = () => setChartKey((key) => key + 1);
  const cases = useResource(
    () => (opened ? listClientCases(id) : Promise.resolve({ items: [] })),
    [id, opened, chartKey],
  );
  const programs = useResource(() => listPrograms(), []);
  const staff = useStaff();
  const programName = (programId: string) =>
    programs.data?.items.find((p) => p.id === programId)?.name ?? 'Unknown program';

  const status = client.error instanceof ApiError ? client.error.status : null;
  const byConsent = client.error instanceof ApiError && client.error.field === 'consent';

  useEffect(() => {
    if (data && status !== 403) setTitle(clientName(data));
    else if (status === 404) setTitle('Client not found');
    else if (status === 403) setTitle(closedHere ? 'Case closed' : 'Client not on your caseload');
    else setTitle('Client');
  }, [data, status, closedHere]);

  useEffect(() => setClosedHere(false), [id]);

  if (status === 403 && closedHere) {
    return (
      <div>
        <h1>Case closed</h1>
        <div class="alert alert-success" role="status">
          <p>
            <strong>The case was closed.</strong> With no open case of yours, this client is no longer on your
            caseload, so the record is now open only to the staff who still work with the client.
          </p>
          <p>
            <a href={href('/worklist')}>Back to your worklist</a>
          </p>
        </div>
      </div>
    );
  }

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

  const changed = () => refresh();
  const openCases = (cases.data?.items ?? [])
    .filter((c) => c.status !== 'closed')
    .sort((a, b) => b.opened_at.localeCompare(a.opened_at));
  const newestOpenCase = openCases[0];
  const sectionProps = { clientId: data.id, refreshKey: chartKey, onChanged: changed };
  return (
    <div>
      <p class="breadcrumb">
        <a href={href('/clients')}>Clients</a> <span aria-hidden="true">›</span>
      </p>
      <div class="page-heading client-heading">
        <div>
          <h1>
            {clientName(data)}
            {data.restricted ? <RestrictedBadge /> : null}
            <RiskBadge level={data.risk_level} />
          </h1>
          <p class="subtitle">
            Born {birthDateWithAge(data.birth_date)}
            {data.interpreter_needed ? ' · Interpreter needed' : ''}
          </p>
        </div>
        <RiskLevelControl client={data} onSaved={client.set} onStale={client.reload} />
      </div>
      <BreakGlassBanner grants={grants.data?.items ?? []} userId={user.id} />
      <CaseWorkSection clientId={data.id} cases={cases.data?.items ?? []} programName={programName}
        onChanged={changed} onStale={cases.reload}
        onClosed={() => {
          setClosedHere(true);
          client.reload();
        }} />
      <div class="chart-layout">
        <Timeline clientId={data.id} refreshKey={chartKey} />
        <div>
          <CasesSection clientId={data.id} cases={cases} programs={programs} users={staff.users} onChanged={changed} />
          <ClientDemographics client={data} />
        </div>
      </div>
      <AssessmentsSection clientId={data.id} refreshKey={chartKey} userName={staff.name}
        canAssess={hasClinicalAccess(user.role)} caseId={newestOpenCase?.id ?? null} />
      {openCases.map((caseRecord) => (
        <CarePlanSection key={caseRecord.id} clientId={data.id} caseRecord={caseRecord}
          programName={programName(caseRecord.program_id)} refreshKey={chartKey} userName={staff.name}
          canEdit={hasClinicalAccess(user.role)} onChanged={changed} />
      ))}
      <CoverageSection clientId={data.id} refreshKey={chartKey} canEdit={hasClinicalAccess(user.role)}
        onChanged={changed} />
      <div class="records-layout">
        <NotesSection {...sectionProps} user={user} userName={staff.name} />
        <div>
          <ReferralOutSection {...sectionProps} />
          <AppointmentsSection {...sectionProps} />
        </div>
        <IncidentsSection {...sectionProps} />
        <DischargesSection {...sectionProps} userName={staff.name} />
        <PlanReviewsSection clientId={data.id} refreshKey={chartKey} userName={staff.name} />
        <SafetyPlanSection {...sectionProps} userName={staff.name} startEditing={openSafetyPlan} />
      </div>
      <ContactsSection clientId={data.id} />
      <ConsentSection client={data} onClientChanged={client.set} />
      <ClientAccessSection clientId={data.id} />
    </div>
  );
}
