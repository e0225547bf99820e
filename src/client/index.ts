/** `starling/client`: a typed, fetch-based client for Starling's REST API (browsers and Node 20+). */
export type { CreateUserInput } from './admin-group.js';
export { collectReply, createStarlingClient, type StarlingClient } from './client.js';
export { StarlingApiError } from './errors.js';
export type { LorebookInput } from './lorebook-group.js';
export type { AuditFilter, AuditRow, Persona } from './persona-group.js';
export { readServerSentEvents, type ServerSentEvent } from './sse.js';
export type * from './types.js';
