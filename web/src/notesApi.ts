// Progress notes (docs/api.md, "Progress notes"): written after a contact, signed (then immutable,
// corrected by addenda), co-signed by the author's supervisor when the program asks for it.

import type { Items } from './api';
import { enc, postStep, request } from './api';

export type ContactType = 'home_visit' | 'office' | 'phone' | 'video' | 'collateral';
export const CONTACT_TYPES: readonly ContactType[] = ['home_visit', 'office', 'phone', 'video', 'collateral'];

/** The optional structured parts of a note. */
export interface NoteFields {
  purpose?: string | null;
  observations?: string | null;
  interventions?: string | null;
  client_response?: string | null;
  plan?: string | null;
}
export const NOTE_FIELD_KEYS = ['purpose', 'observations', 'interventions', 'client_response', 'plan'] as const;

export interface Addendum {
  id: string;
  author_id: string;
  written_at: string;
  body: string;
}

export interface Note {
  id: string;
  version: number;
  client_id: string;
  case_id: string;
  author_id: string;
  contact_type: ContactType;
  service_at: string;
  written_at: string;
  /** Signed more than the program's note_hours after the service. */
  late: boolean;
  appointment_id: string | null;
  body: string;
  fields: NoteFields | null;
  status: 'draft' | 'signed';
  signed_at: string | null;
  cosign_required: boolean;
  cosigned_at: string | null;
  cosigned_by: string | null;
  addenda: Addendum[];
}

export interface NoteInput {
  contact_type: ContactType;
  service_at: string;
  body: string;
  fields?: NoteFields;
  appointment_id?: string;
  sign?: boolean;
}

type Versioned = Pick<Note, 'id' | 'version'>;

export function listNotes(clientId: string): Promise<Items<Note>> {
  return request<Items<Note>>(`/clients/${enc(clientId)}/notes`);
}

export function createNote(caseId: string, input: NoteInput): Promise<Note> {
  return request<Note>(`/cases/${enc(caseId)}/notes`, { method: 'POST', body: input });
}

export function signNote(note: Versioned): Promise<Note> {
  return postStep<Note>(`/notes/${enc(note.id)}/sign`, note);
}

export function addAddendum(note: Pick<Note, 'id'>, body: string): Promise<Note> {
  return request<Note>(`/notes/${enc(note.id)}/addenda`, { method: 'POST', body: { body } });
}

export function cosignNote(note: Versioned): Promise<Note> {
  return postStep<Note>(`/notes/${enc(note.id)}/cosign`, note);
}
