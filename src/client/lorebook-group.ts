/** Lorebooks for the typed client: list, read, create, replace, delete, attach and the global flag. */
import type { ClientTransport } from './more-groups.js';
import type { Lorebook, LorebookRecord, LorebookSummary } from './types.js';

const id = encodeURIComponent;

/**
 * A book as sent: only `name` is required; entry fields left out get the server's defaults and
 * entries without an id get fresh ones. A book read from the API can be sent back as it is.
 */
export type LorebookInput = Pick<Lorebook, 'name'> &
  Partial<Omit<Lorebook, 'name' | 'entries'>> & { entries?: Partial<Lorebook['entries'][number]>[] };

/** The caller's lorebooks (owner-only on the server). */
export function lorebookGroup({ json }: ClientTransport) {
  return {
    /** Your books, without entries. */
    list: () => json<LorebookSummary[]>('/api/lorebooks'),
    /** One book with its entries. */
    get: (bookId: string) => json<LorebookRecord>(`/api/lorebooks/${id(bookId)}`),
    /** Creates a book; `global` applies it to all of your characters. */
    create: (book: LorebookInput & { global?: boolean }) =>
      json<LorebookRecord>('/api/lorebooks', { method: 'POST', json: book }),
    /** Replaces the whole book, entries included; attachments and the global flag stay. */
    update: (bookId: string, book: LorebookInput) =>
      json<LorebookRecord>(`/api/lorebooks/${id(bookId)}`, { method: 'PUT', json: book }),
    remove: (bookId: string) => json<{ ok: true }>(`/api/lorebooks/${id(bookId)}`, { method: 'DELETE' }),
    /** Attaches the book to one of your characters. */
    attach: (bookId: string, characterId: string) =>
      json<{ ok: true }>(`/api/lorebooks/${id(bookId)}/characters/${id(characterId)}`, { method: 'PUT' }),
    detach: (bookId: string, characterId: string) =>
      json<{ ok: true }>(`/api/lorebooks/${id(bookId)}/characters/${id(characterId)}`, { method: 'DELETE' }),
    setGlobal: (bookId: string, global: boolean) =>
      json<{ ok: true }>(`/api/lorebooks/${id(bookId)}/global`, { method: 'PUT', json: { global } }),
  };
}
