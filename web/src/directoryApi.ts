// The resource directory (docs/api.md, "Resource directory"): providers and community services
// with the needs they meet, searched and ranked (for a client: by eligibility, language, capacity,
// distance, wait), the medical-necessity check of a requested service, and the administrators'
// listings, CSV export and import.

import { enc, query, request } from './api';

export type PayerKind = 'medicaid' | 'medicare' | 'private' | 'self_pay' | 'grant';
export const PAYER_KINDS: readonly PayerKind[] = ['medicaid', 'medicare', 'private', 'self_pay', 'grant'];

export type CostKind = 'free' | 'sliding_scale' | 'fee';
export const COST_KINDS: readonly CostKind[] = ['free', 'sliding_scale', 'fee'];

export interface Service {
  id: string;
  version: number;
  name: string;
  provider: string | null;
  /** Need categories it meets (lower case: housing, food, ...). */
  needs: string[];
  description: string | null;
  min_age: number;
  max_age: number;
  /** The coverage a `fee` service takes. */
  payers: PayerKind[];
  area: string | null;
  languages: string[];
  cost: CostKind;
  /** False: a wait list. */
  accepting: boolean;
  wait_days: number;
  hours: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  active: boolean;
  created_at: string;
  updated_at: string;
}

/** A ranked search result: the service, how far it is from the client, and why the client may not use it. */
export interface ServiceMatch {
  service: Service;
  distance_km: number | null;
  eligible: boolean;
  /** In words (age, coverage, capacity); empty when the client may use it. */
  unmet: string[];
}

export interface DirectorySearch {
  need?: string;
  language?: string;
  payer?: string;
  within_km?: string;
  client_id?: string;
}

export interface NeedMatches {
  need: { id: string; category: string; description: string; status: string };
  matches: ServiceMatch[];
}

export interface ServiceCheck {
  service: Service;
  /** The service is called for by a need on the plan, and the client is eligible and covered. */
  meets: boolean;
  reasons: string[];
  /** Up to five services meeting the same need that the client may use. */
  alternatives: ServiceMatch[];
}

/** Writable listing fields (POST /directory; PATCH takes any of them). */
export interface ServiceInput {
  name: string;
  provider: string;
  needs: string[];
  description: string;
  min_age: number;
  max_age: number;
  payers: string[];
  area: string;
  languages: string[];
  cost: CostKind;
  accepting: boolean;
  wait_days: number;
  hours: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  phone: string;
  active: boolean;
}

export interface ImportCounts {
  created: number;
  updated: number;
}

/** Need categories the directory and the social-needs screen use, for suggestions. */
export const KNOWN_NEEDS: readonly string[] = [
  'housing',
  'food',
  'transportation',
  'utilities',
  'interpersonal_safety',
  'medication',
  'mental_health',
];

export function searchDirectory(search: DirectorySearch): Promise<{ items: ServiceMatch[] }> {
  return request<{ items: ServiceMatch[] }>(`/directory${query({ ...search })}`);
}

export function getService(id: string): Promise<Service> {
  return request<Service>(`/directory/${enc(id)}`);
}

export function createService(input: ServiceInput): Promise<Service> {
  return request<Service>('/directory', { method: 'POST', body: input });
}

export function updateService(service: Pick<Service, 'id' | 'version'>, input: Partial<ServiceInput>): Promise<Service> {
  return request<Service>(`/directory/${enc(service.id)}`, { method: 'PATCH', body: input, ifMatch: service.version });
}

/** Ranked services for each open need on the client's care plans. */
export function serviceMatches(clientId: string): Promise<{ needs: NeedMatches[] }> {
  return request<{ needs: NeedMatches[] }>(`/clients/${enc(clientId)}/service-matches`);
}

export function checkService(clientId: string, serviceId: string): Promise<ServiceCheck> {
  return request<ServiceCheck>(`/clients/${enc(clientId)}/service-check`, {
    method: 'POST',
    body: { service_id: serviceId },
  });
}

/** Every listing as CSV; a plain link downloads it with the session cookie. */
export const DIRECTORY_CSV_URL = '/api/v1/directory-csv';

/** Replaces (rows with an id) or adds listings from a CSV file, all or nothing. */
export function importDirectoryCsv(csv: string): Promise<ImportCounts> {
  return request<ImportCounts>('/directory-csv', { method: 'POST', rawBody: csv, contentType: 'text/csv' });
}
