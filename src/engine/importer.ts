/**
 * Imports card and lorebook files into the store. Parsing is pure and happens first, so a file that
 * fails leaves nothing behind; a card that names a SillyTavern world (`extensions.world`) gets that
 * book attached when it is imported in the same batch or already exists.
 */
import { importFile } from '../cards/index.js';
import type { StarlingError } from '../spec/errors.js';
import { toStarlingError } from '../spec/errors.js';
import type { ImportWarning } from '../spec/character.js';
import type { CharacterRecord, Store } from '../spec/store.js';
import { importAudit, quarantineLorebook, scanCard } from './import-scan.js';

export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOutcome {
  file: string;
  id: string;
  name: string;
  kind: 'character' | 'lorebook';
  warnings: ImportWarning[];
}

export interface ImportFailure {
  file: string;
  error: StarlingError;
}

/** Imports each file; returns what was stored and, per failed file, why. */
export async function importFiles(
  store: Store,
  ownerId: string,
  files: ImportInput[],
): Promise<{ imported: ImportOutcome[]; failed: ImportFailure[] }> {
  const imported: ImportOutcome[] = [];
  const failed: ImportFailure[] = [];
  const characters: CharacterRecord[] = [];
  // Lorebooks first, so cards in the same batch can link to them by name.
  const parsed = files.map((file) => {
    try {
      return { file, result: importFile(file.bytes, file.name) };
    } catch (error) {
      failed.push({ file: file.name, error: toStarlingError(error, 'import_failed') });
      return null;
    }
  });
  const ordered = parsed
    .filter((item) => item !== null)
    .sort((a, b) => Number(a.result.kind === 'character') - Number(b.result.kind === 'character'));
  for (const { file, result } of ordered) {
    if (result.kind === 'lorebook') {
      const name = result.lorebook.name || file.name.replace(/\.[^.]+$/, '').replace(/\.world_info$/, '');
      const { book, findings } = quarantineLorebook(result.lorebook, 'entries');
      const record = await store.lorebooks.create(ownerId, { ...book, name });
      const warnings = [...result.warnings, ...findings.warnings];
      imported.push({ file: file.name, id: record.id, name, kind: 'lorebook', warnings });
      const audit = importAudit(ownerId, null, findings);
      if (audit) await store.audit.append(audit);
    } else {
      const { card, findings } = scanCard(result.card);
      const record = await store.characters.create(ownerId, card, result.assets);
      characters.push(record);
      imported.push({
        file: file.name,
        id: record.id,
        name: record.card.name,
        kind: 'character',
        warnings: [...result.warnings, ...findings.warnings],
      });
      const audit = importAudit(ownerId, record.id, findings);
      if (audit) await store.audit.append(audit);
    }
  }
  for (const character of characters) {
    const world = character.card.extensions.world;
    if (typeof world !== 'string' || world === '') continue;
    const book = await store.lorebooks.resolve(ownerId, world);
    const outcome = imported.find((item) => item.id === character.id);
    if (book) {
      await store.lorebooks.attach(book.id, character.id);
    } else {
      outcome?.warnings.push({
        code: 'world_not_found',
        message: `the card links the world "${world}"; import that world-info file to attach it`,
        path: 'data.extensions.world',
      });
    }
  }
  return { imported, failed };
}
