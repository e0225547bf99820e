/** User personas and the admin audit log for the typed client, on the core client's transport. */
import type { AuditRecord } from '../spec/audit-store.js';
import type { PersonaRecord } from '../spec/persona-store.js';
import type { ClientTransport } from './more-groups.js';
import { queryString } from './query-string.js';

/** A persona as the API shows it (the owner is the caller). */
export type Persona = Omit<PersonaRecord, 'ownerId'>;

/** A safety audit row as the API shows it. */
export type AuditRow = AuditRecord;

/** Filters of the admin audit list; `since` is Unix milliseconds or an ISO 8601 date. */
export interface AuditFilter {
  action?: AuditRecord['action'];
  source?: AuditRecord['source'];
  since?: string;
  limit?: number;
  ownerId?: string;
  sessionId?: string;
}

const id = encodeURIComponent;

/** The caller's personas: list, create, update, remove, make default. */
export function personaGroup({ json }: ClientTransport) {
  return {
    /** The caller's personas, the default first. */
    list: () => json<Persona[]>('/api/personas'),
    /** Creates a persona; with `isDefault` it becomes the default. */
    create: (input: { name: string; description?: string; isDefault?: boolean }) =>
      json<Persona>('/api/personas', { method: 'POST', json: input }),
    /** Changes a persona's name or description. */
    update: (personaId: string, patch: { name?: string; description?: string }) =>
      json<Persona>(`/api/personas/${id(personaId)}`, { method: 'PATCH', json: patch }),
    /** Deletes a persona. */
    remove: (personaId: string) => json<{ ok: true }>(`/api/personas/${id(personaId)}`, { method: 'DELETE' }),
    /** Makes a persona the default for turns that name none. */
    setDefault: (personaId: string) =>
      json<Persona>(`/api/personas/${id(personaId)}/default`, { method: 'PUT' }),
  };
}

/** Admin-only: the safety audit log, newest first. */
export function auditGroup({ json }: ClientTransport) {
  return {
    /** Audit rows matching every given filter. */
    list: (filter: AuditFilter = {}) => json<AuditRow[]>(`/api/admin/audit${queryString({ ...filter })}`),
  };
}
