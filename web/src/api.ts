// Typed client for the Caseboard HTTP API v1 (docs/api.md). Every call goes through `request`,
// which adds the bearer token, turns error bodies into one ApiError type, and reports a 401 on an
// authenticated call to the app so it can send the user back to sign-in.

// ---------------------------------------------------------------------------------------------
// Wire types

export type Role =
  | 'case_manager'
  | 'nurse_case_manager'
  | 'supervisor'
  | 'director'
  | 'administrator'
  | 'auditor';

export interface User {
  id: string;
  version: number;
  username: string;
  display_name: string;
  role: Role;
  active: boolean;
  supervisor_id: string | null;
  organization_id: string;
}

export type Sex = 'female' | 'male' | 'other' | 'unknown';
export const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];

export type IdentifierType = 'MRN' | 'MEDICAID' | 'MEDICARE' | 'MEMBER' | 'OTHER';
export const IDENTIFIER_TYPES: readonly IdentifierType[] = [
  'MRN',
  'MEDICAID',
  'MEDICARE',
  'MEMBER',
  'OTHER',
];

export interface Identifier {
  type: IdentifierType;
  value: string;
}

export interface Address {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
}

export interface ClientSummary {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  birth_date: string;
  /**
   * Whether the signed-in user may open the record (it is on their caseload or care team).
   * Search covers the whole organization, so a user also sees clients they may not open.
   */
  can_open: boolean;
}

/** How urgent the client's needs are; the worklist orders items by it after lateness. */
export type RiskLevel = 'none' | 'low' | 'moderate' | 'high';
export const RISK_LEVELS: readonly RiskLevel[] = ['none', 'low', 'moderate', 'high'];

export interface Client {
  id: string;
  version: number;
  given_name: string;
  family_name: string;
  middle_name: string | null;
  preferred_name: string | null;
  birth_date: string;
  sex: Sex;
  preferred_language: string;
  interpreter_needed: boolean;
  phone: string | null;
  email: string | null;
  address: Address | null;
  identifiers: Identifier[];
  /** Open only to staff named by a consent in force (besides the break-the-glass route). */
  restricted: boolean;
  risk_level: RiskLevel;
  /** Where the client lives, for distances to services (entered, never looked up); both or neither. */
  latitude?: number | null;
  longitude?: number | null;
  created_at: string;
  updated_at: string;
}

/** Emergency access to a client outside the user's scope (POST /clients/{id}/break-glass). */
export interface BreakGlassGrant {
  id: string;
  client_id: string;
  user_id: string;
  reason: string;
  granted_at: string;
  expires_at: string;
}

/** A client's consent naming a staff member who may open the record while it is restricted. */
export interface Consent {
  id: string;
  client_id: string;
  grantee_user_id: string;
  purpose: string;
  recorded_by: string;
  granted_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface ConsentInput {
  grantee_user_id: string;
  purpose: string;
  /** UTC, "YYYY-MM-DDTHH:MM:SSZ". */
  expires_at?: string;
}

/** A second factor being enrolled: the seed for an authenticator app. */
export interface TotpEnrolment {
  secret: string;
  otpauth_uri: string;
}

/** Writable client fields for POST /clients. Optional fields are omitted, never sent as "". */
export interface ClientInput {
  given_name: string;
  family_name: string;
  middle_name?: string;
  preferred_name?: string;
  birth_date: string;
  sex?: Sex;
  preferred_language?: string;
  interpreter_needed?: boolean;
  phone?: string;
  email?: string;
  address?: Address;
  identifiers?: Identifier[];
  risk_level?: RiskLevel;
  confirm_duplicate?: boolean;
}

export type Relationship =
  | 'spouse'
  | 'partner'
  | 'parent'
  | 'child'
  | 'sibling'
  | 'other_family'
  | 'friend'
  | 'caregiver'
  | 'guardian'
  | 'neighbor'
  | 'other';
export const RELATIONSHIPS: readonly Relationship[] = [
  'spouse',
  'partner',
  'parent',
  'child',
  'sibling',
  'other_family',
  'friend',
  'caregiver',
  'guardian',
  'neighbor',
  'other',
];

export type Disclosure = 'none' | 'logistics' | 'general' | 'full';
export const DISCLOSURES: readonly Disclosure[] = ['none', 'logistics', 'general', 'full'];

export interface Contact {
  id: string;
  version: number;
  client_id: string;
  name: string;
  relationship: Relationship;
  phone: string | null;
  email: string | null;
  is_emergency_contact: boolean;
  disclosure: Disclosure;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactInput {
  name: string;
  relationship: Relationship;
  phone?: string;
  email?: string;
  is_emergency_contact?: boolean;
  disclosure?: Disclosure;
  notes?: string;
}

/** A program's clocks (docs/api.md, "Clock rules"): hours 1–8760, days 1–365. */
export interface ClockRules {
  first_contact_hours: number;
  referral_follow_up_hours: number;
  note_hours: number;
  incident_hours: number;
  plan_review_days: number;
  event_review_days: number;
  check_in_hours: number;
}

export interface Program {
  id: string;
  version: number;
  name: string;
  description: string | null;
  active: boolean;
  clock_rules: ClockRules;
  /** Signed notes wait for the author's supervisor's co-signature. */
  notes_need_cosign: boolean;
  created_at: string;
  updated_at: string;
}

export type CaseStatus = 'referred' | 'intake' | 'active' | 'on_hold' | 'discharged' | 'closed';

export interface CaseHistoryEntry {
  from: CaseStatus | null;
  to: CaseStatus;
  at: string;
  by: string;
  reason: string | null;
}

export interface Case {
  id: string;
  version: number;
  client_id: string;
  program_id: string;
  case_manager_id: string;
  status: CaseStatus;
  opened_at: string;
  status_changed_at: string;
  closed_reason: string | null;
  /** The statuses the case may move to next (the server's word on the status machine). */
  allowed_transitions?: CaseStatus[];
  /** Present on single-case reads and on GET /clients/{id}/cases; absent from GET /cases lists. */
  history?: CaseHistoryEntry[];
}

export type AuditOutcome = 'success' | 'refused';

/** One entry of the audit trail (GET /audit, GET /clients/{id}/access). */
export interface AuditEvent {
  sequence: number;
  at: string;
  /** Null for events without a signed-in user (command line, a sign-in with an unknown username). */
  user_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  client_id: string | null;
  outcome: AuditOutcome;
  source_address: string | null;
  request_id: string | null;
  detail: string | null;
  break_glass_reason: string | null;
}

export const AUDIT_SORT_FIELDS = [
  'sequence',
  'at',
  'user_id',
  'client_id',
  'action',
  'resource_type',
  'outcome',
] as const;
export type AuditSortField = (typeof AUDIT_SORT_FIELDS)[number];

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  /** Client searches: matches left out because the client's consent restricts them. */
  withheld?: number;
}

export interface Items<T> {
  items: T[];
}

// ---------------------------------------------------------------------------------------------
// Errors

/** What still blocks closing a case (409 failed_precondition, `error.open_items`). */
export interface OpenItem {
  kind: string;
  id: string;
  title: string;
}

/** Every failed call rejects with this; `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  readonly candidates: ClientSummary[];
  readonly existing_id: string | null;
  readonly open_items: OpenItem[];

  constructor(init: {
    status: number;
    code: string;
    message: string;
    field?: string | null;
    candidates?: ClientSummary[];
    existing_id?: string | null;
    open_items?: OpenItem[];
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field ?? null;
    this.candidates = init.candidates ?? [];
    this.existing_id = init.existing_id ?? null;
    this.open_items = init.open_items ?? [];
  }
}

/** Anything a call threw, as an ApiError (status 0 for what did not come from the server). */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError({ status: 0, code: 'unknown', message: errorMessage(err) });
}

/** A readable message for anything a call may throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

// ---------------------------------------------------------------------------------------------
// The session and the 401 hook
//
// The session token lives only in the HttpOnly __Host- cookie the server sets at sign-in: script
// in the page can never read it. The tab keeps a marker (not a secret) that a session was opened,
// so a reload knows to ask the server who is signed in rather than show the sign-in page.

const SESSION_KEY = 'caseboard.session';

export function hasSession(): boolean {
  try {
    return sessionStorage.getItem(SESSION_KEY) === '1';
  } catch {
    return false;
  }
}

function setSession(open: boolean): void {
  try {
    if (open) sessionStorage.setItem(SESSION_KEY, '1');
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage can be unavailable (private mode, quota); the session then lasts for this page only.
  }
}

let unauthenticatedHandler: (() => void) | null = null;

/** The app registers what to do when an authenticated call answers 401 (token expired/revoked). */
export function onUnauthenticated(handler: () => void): void {
  unauthenticatedHandler = handler;
}

export function clearSession(): void {
  setSession(false);
}

// ---------------------------------------------------------------------------------------------
// Transport

const BASE = '/api/v1';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (not JSON), e.g. a CSV file; `contentType` names its type. */
  rawBody?: string;
  contentType?: string;
  /** The record version this update is based on; sent as If-Match: "<version>". */
  ifMatch?: number;
  /** Send the bearer token (false only for login). */
  auth?: boolean;
  /**
   * Report a 401 to the app as an ended session (default: same as `auth`). Off for login, whose
   * 401 means a wrong password, and for logout, where the session is ending anyway.
   */
  signalUnauthenticated?: boolean;
}

let lastAuthenticatedRequestAt = 0;

/**
 * Milliseconds since the last call that sent the token (each one keeps the server's session
 * alive, which ends after a while without use).
 */
export function millisSinceLastRequest(): number {
  return Date.now() - lastAuthenticatedRequestAt;
}

/** One API call (path under /api/v1). The feature modules (worklistApi.ts, notesApi.ts, ...) use it too. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, rawBody, ifMatch, auth = true } = options;
  const signalUnauthenticated = options.signalUnauthenticated ?? auth;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (rawBody !== undefined) headers['Content-Type'] = options.contentType ?? 'text/plain';
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  // The cookie carries the session; this header proves the request comes from this page (CSRF).
  headers['X-Requested-With'] = 'caseboard';
  if (auth && hasSession()) lastAuthenticatedRequestAt = Date.now();

  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: rawBody !== undefined ? rawBody : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'unavailable',
      message: 'Could not reach the Caseboard server. Check your connection and try again.',
    });
  }

  if (response.status === 204) return undefined as T;

  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }

  if (response.ok) {
    if (parsed === undefined) {
      throw new ApiError({
        status: response.status,
        code: 'internal',
        message: 'The server sent an answer that could not be read.',
      });
    }
    return parsed as T;
  }

  const error = toApiError(response.status, parsed);
  if (response.status === 401 && signalUnauthenticated) {
    setSession(false);
    unauthenticatedHandler?.();
  }
  throw error;
}

function toApiError(status: number, parsed: unknown): ApiError {
  const body =
    parsed && typeof parsed === 'object' && 'error' in parsed
      ? (parsed as { error: Record<string, unknown> }).error
      : null;
  if (!body || typeof body !== 'object') {
    return new ApiError({
      status,
      code: status === 401 ? 'unauthenticated' : 'unknown',
      message: `The server answered ${status} without an explanation.`,
    });
  }
  return new ApiError({
    status,
    code: typeof body.code === 'string' ? body.code : 'unknown',
    message: typeof body.message === 'string' ? body.message : `Request failed (${status}).`,
    field: typeof body.field === 'string' ? body.field : null,
    candidates: Array.isArray(body.candidates) ? (body.candidates as ClientSummary[]) : [],
    existing_id: typeof body.existing_id === 'string' ? body.existing_id : null,
    open_items: Array.isArray(body.open_items) ? (body.open_items as OpenItem[]) : [],
  });
}

/** "?a=1&b=2" from the parameters that have a value ("" when none has). */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const enc = encodeURIComponent;

/** A step on a record that has a version: POST (path under /api/v1) with If-Match: "<version>". */
export function postStep<T>(path: string, record: { version: number }, body: unknown = {}): Promise<T> {
  return request<T>(path, { method: 'POST', body, ifMatch: record.version });
}

// ---------------------------------------------------------------------------------------------
// Authentication

export async function login(username: string, password: string, totpCode?: string): Promise<User> {
  const body: Record<string, string> = { username, password };
  if (totpCode) body.totp_code = totpCode;
  const answer = await request<{ user: User }>('/auth/login', {
    method: 'POST',
    body,
    auth: false,
  });
  setSession(true);  // the token itself stays in the HttpOnly cookie
  return answer.user;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('/auth/logout', { method: 'POST', signalUnauthenticated: false });
  } finally {
    setSession(false);
  }
}

export function getMe(): Promise<User> {
  return request<User>('/me');
}

/** Starts enrolling a second factor for the signed-in user (answers a new secret). */
export function startTotpEnrolment(): Promise<TotpEnrolment> {
  return request<TotpEnrolment>('/me/totp', { method: 'POST' });
}

/** Turns the enrolled second factor on once a code from it is right (422 naming `code` if not). */
export function confirmTotpEnrolment(code: string): Promise<void> {
  return request<void>('/me/totp/confirm', { method: 'POST', body: { code } });
}

// ---------------------------------------------------------------------------------------------
// Clients

export interface ClientSearch {
  q?: string;
  birth_date?: string;
  identifier?: string;
  limit?: number;
  cursor?: string | null;
}

export function searchClients(search: ClientSearch): Promise<Page<ClientSummary>> {
  return request<Page<ClientSummary>>(`/clients${query({ ...search })}`);
}

export function getClient(id: string): Promise<Client> {
  return request<Client>(`/clients/${enc(id)}`);
}

export function createClient(input: ClientInput): Promise<Client> {
  return request<Client>('/clients', { method: 'POST', body: input });
}

/** Who opened, changed or was refused this client (newest first); only for users who may open it. */
export function listClientAccess(clientId: string): Promise<Items<AuditEvent>> {
  return request<Items<AuditEvent>>(`/clients/${enc(clientId)}/access`);
}

// ---------------------------------------------------------------------------------------------
// Break the glass, consent and restriction

export function breakGlass(clientId: string, reason: string, totpCode: string): Promise<BreakGlassGrant> {
  return request<BreakGlassGrant>(`/clients/${enc(clientId)}/break-glass`, {
    method: 'POST',
    body: { reason, totp_code: totpCode },
  });
}

export function listBreakGlass(clientId: string): Promise<Items<BreakGlassGrant>> {
  return request<Items<BreakGlassGrant>>(`/clients/${enc(clientId)}/break-glass`);
}

export function listConsents(clientId: string): Promise<Items<Consent>> {
  return request<Items<Consent>>(`/clients/${enc(clientId)}/consents`);
}

export function createConsent(clientId: string, input: ConsentInput): Promise<Consent> {
  return request<Consent>(`/clients/${enc(clientId)}/consents`, { method: 'POST', body: input });
}

export function revokeConsent(clientId: string, consentId: string): Promise<Consent> {
  return request<Consent>(`/clients/${enc(clientId)}/consents/${enc(consentId)}/revoke`, { method: 'POST' });
}

/** Restricts the record to consented staff, or lifts that (If-Match: the client's version). */
export function setRestriction(client: Pick<Client, 'id' | 'version'>, restricted: boolean): Promise<Client> {
  return postStep<Client>(`/clients/${enc(client.id)}/restriction`, client, { restricted });
}

// ---------------------------------------------------------------------------------------------
// Contacts

export function listContacts(clientId: string): Promise<Items<Contact>> {
  return request<Items<Contact>>(`/clients/${enc(clientId)}/contacts`);
}

export function createContact(clientId: string, input: ContactInput): Promise<Contact> {
  return request<Contact>(`/clients/${enc(clientId)}/contacts`, { method: 'POST', body: input });
}

// ---------------------------------------------------------------------------------------------
// Programs and users

export function listPrograms(): Promise<Items<Program>> {
  return request<Items<Program>>('/programs');
}

/** Staff of the organization, optionally only those with one role. */
export function listUsers(role?: Role): Promise<Items<User>> {
  return request<Items<User>>(`/users${query({ role })}`);
}

export function patchClient(client: Pick<Client, 'id' | 'version'>, patch: Partial<ClientInput>): Promise<Client> {
  return request<Client>(`/clients/${enc(client.id)}`, { method: 'PATCH', body: patch, ifMatch: client.version });
}

// ---------------------------------------------------------------------------------------------
// Cases

export function listClientCases(clientId: string): Promise<Items<Case>> {
  return request<Items<Case>>(`/clients/${enc(clientId)}/cases`);
}

export function openCase(input: {
  client_id: string;
  program_id: string;
  case_manager_id?: string;
}): Promise<Case> {
  return request<Case>('/cases', { method: 'POST', body: input });
}

/** Gives a case to another case manager (supervisors only). */
export function reassignCase(caseRecord: Pick<Case, 'id' | 'version'>, caseManagerId: string): Promise<Case> {
  return postStep<Case>(`/cases/${enc(caseRecord.id)}/assignment`, caseRecord, { case_manager_id: caseManagerId });
}

/** How a case ended; needed when closing a discharged case. */
export type CaseOutcome =
  | 'goals_met'
  | 'partially_met'
  | 'not_met'
  | 'client_withdrew'
  | 'transferred'
  | 'deceased'
  | 'other';
export const CASE_OUTCOMES: readonly CaseOutcome[] = [
  'goals_met',
  'partially_met',
  'not_met',
  'client_withdrew',
  'transferred',
  'deceased',
  'other',
];

export function transitionCase(
  caseRecord: Pick<Case, 'id' | 'version'>,
  to: CaseStatus,
  reason?: string,
  outcome?: CaseOutcome,
): Promise<Case> {
  const body: { to: CaseStatus; reason?: string; outcome?: CaseOutcome } = { to };
  if (reason) body.reason = reason;
  if (outcome) body.outcome = outcome;
  return postStep<Case>(`/cases/${enc(caseRecord.id)}/transitions`, caseRecord, body);
}

// ---------------------------------------------------------------------------------------------
// Audit trail (auditors)

export interface AuditSearch {
  user_id?: string;
  client_id?: string;
  action?: string;
  /** UTC, "YYYY-MM-DDTHH:MM:SSZ", inclusive. */
  from?: string;
  /** UTC, "YYYY-MM-DDTHH:MM:SSZ", exclusive. */
  to?: string;
  sort?: AuditSortField;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string | null;
}

export function searchAudit(search: AuditSearch): Promise<Page<AuditEvent>> {
  return request<Page<AuditEvent>>(`/audit${query({ ...search })}`);
}
