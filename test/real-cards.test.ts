/**
 * Imports the real cards in the shared corpus (read at run time; nothing from it is copied into the
 * project) and compares the result with the decoded payloads stored beside them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, type ImportResult } from '../src/cards/index.js';

const corpus = path.resolve(import.meta.dirname, '../../shared/corpora/cards');
const present = existsSync(corpus);
if (!present && process.env.CI === 'true') throw new Error(`card corpus missing at ${corpus}`);

type Json = Record<string, unknown>;

function cardFiles(): { folder: string; file: string }[] {
  return readdirSync(corpus, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(path.join(corpus, entry.name))
        .filter((file) => file.endsWith('.png'))
        .map((file) => ({ folder: path.join(corpus, entry.name), file })),
    );
}

function importCard(folder: string, file: string): Extract<ImportResult, { kind: 'character' }> {
  const result = importFile(readFileSync(path.join(folder, file)), file);
  if (result.kind !== 'character') throw new Error(`${file} imported as a lorebook`);
  return result;
}

/** The decoded payload the importer should have used: ccv3 when present, else chara. */
function expectedPayload(folder: string, file: string): Json {
  const decoded = path.join(folder, 'decoded');
  const ccv3 = path.join(decoded, `${file}.ccv3.json`);
  const chosen = existsSync(ccv3) ? ccv3 : path.join(decoded, `${file}.chara.json`);
  const document = JSON.parse(readFileSync(chosen, 'utf8')) as Json;
  const data = document.data;
  return typeof data === 'object' && data !== null ? (data as Json) : document;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

describe.skipIf(!present)('real cards', () => {
  it('every PNG imports and matches its decoded payload', () => {
    const files = cardFiles();
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const { folder, file } of files) {
      const { card } = importCard(folder, file);
      const data = expectedPayload(folder, file);
      expect({
        name: card.name,
        description: card.description,
        personality: card.personality,
        scenario: card.scenario,
        first_mes: card.firstMessage,
        mes_example: card.exampleDialogues,
        alternate_greetings: card.alternateGreetings,
        tags: card.tags,
      }).toEqual({
        name: text(data.name),
        description: text(data.description),
        personality: text(data.personality),
        scenario: text(data.scenario),
        first_mes: text(data.first_mes),
        mes_example: text(data.mes_example),
        alternate_greetings: list(data.alternate_greetings),
        tags: list(data.tags),
      });
      const book = data.character_book as { entries?: { keys: unknown; content: unknown }[] } | undefined;
      if (book?.entries !== undefined) {
        expect(card.lorebook?.entries.map((entry) => ({ keys: entry.keys, content: entry.content }))).toEqual(
          book.entries.map((entry) => ({ keys: entry.keys, content: entry.content })),
        );
      }
    }
  });

  it("Seraphina's ccv3 chunk wins and keeps the linked world name", () => {
    const result = importCard(path.join(corpus, 'sillytavern-default-content'), 'default_Seraphina.png');
    expect(result.spec).toBe('v3');
    expect(result.card.lorebook?.entries.length).toBe(4);
    expect(typeof result.card.extensions.world).toBe('string');
  });

  it('the legacy Aqua card imports as V1', () => {
    const result = importCard(path.join(corpus, 'sillytavern-default-content'), 'legacy_v1_Aqua.png');
    expect(result.spec).toBe('v1');
    expect(result.card.name.length).toBeGreaterThan(0);
  });

  it('the Eldoria world-info file imports as a lorebook with its entries and keys', () => {
    const file = path.join(corpus, 'sillytavern-default-content', 'Eldoria.world_info.json');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { key: string[] }> };
    const result = importFile(readFileSync(file), 'Eldoria.world_info.json');
    if (result.kind !== 'lorebook') throw new Error('expected a lorebook');
    expect(result.format).toBe('sillytavern_world');
    expect(result.lorebook.entries).toHaveLength(Object.keys(raw.entries).length);
    expect(result.lorebook.entries.map((entry) => entry.keys)).toEqual(
      Object.values(raw.entries).map((entry) => entry.key),
    );
  });

  it('yuzu.png with its 3.4 MB unknown chunk imports quickly', () => {
    const started = performance.now();
    const result = importCard(path.join(corpus, 'risuai-sample-card'), 'yuzu.png');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.spec).toBe('v1');
    expect(result.assets.get('avatar')?.length).toBeLessThan(3_000_000);
  });
});
