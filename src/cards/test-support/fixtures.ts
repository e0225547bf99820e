/**
 * Builders for test fixtures: PNG files with chosen chunks, card documents and CHARX zips. All
 * content is invented for the tests; nothing comes from real cards.
 */
import { deflateSync } from 'node:zlib';
import { zipSync } from 'fflate';
import type { CharacterCard } from '../../spec/character.js';
import type { LorebookEntry } from '../../spec/lorebook.js';
import { emptyCard } from '../export.js';
import { concatBytes, encodeChunk, PNG_SIGNATURE } from '../png-chunks.js';
import { placeholderPng } from '../png-export.js';

export interface RawChunk {
  type: string;
  data: Uint8Array;
}

const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');

/** Inverts every bit of one byte, in place. */
export function flipByte(bytes: Uint8Array, index: number): void {
  bytes[index] = (bytes[index] ?? 0) ^ 0xff;
}

/** Base64 of a value's UTF-8 JSON. */
export function base64Json(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
}

/** A `tEXt` chunk. */
export function textChunk(keyword: string, text: string): RawChunk {
  return { type: 'tEXt', data: concatBytes([latin1(keyword), Uint8Array.of(0), latin1(text)]) };
}

/** A `zTXt` chunk (always compressed). */
export function ztxtChunk(keyword: string, text: string): RawChunk {
  return {
    type: 'zTXt',
    data: concatBytes([latin1(keyword), Uint8Array.of(0, 0), deflateSync(latin1(text))]),
  };
}

/** An `iTXt` chunk, compressed or not, with UTF-8 text. */
export function itxtChunk(keyword: string, text: string, compressed: boolean): RawChunk {
  const body = Buffer.from(text, 'utf8');
  return {
    type: 'iTXt',
    data: concatBytes([
      latin1(keyword),
      Uint8Array.of(0, compressed ? 1 : 0, 0),
      latin1('en'),
      Uint8Array.of(0),
      Uint8Array.of(0),
      compressed ? deflateSync(body) : body,
    ]),
  };
}

/** The placeholder image's chunks (IHDR, IDAT, IEND) as raw chunks. */
function imageChunks(): { head: Uint8Array; end: Uint8Array } {
  const image = placeholderPng();
  return { head: image.subarray(0, image.length - 12), end: image.subarray(image.length - 12) };
}

/** A valid PNG (a small grey image) with extra chunks inserted before IEND. */
export function pngWith(chunks: readonly RawChunk[]): Uint8Array {
  const { head, end } = imageChunks();
  return concatBytes([head, ...chunks.map((chunk) => encodeChunk(chunk.type, chunk.data)), end]);
}

/** A PNG built from exactly these chunks after the signature (for malformed files). */
export function pngFromChunks(chunks: readonly RawChunk[]): Uint8Array {
  return concatBytes([PNG_SIGNATURE, ...chunks.map((chunk) => encodeChunk(chunk.type, chunk.data))]);
}

/** A zip of text or binary files, as fflate writes it. */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([path, data]) => [
        path,
        typeof data === 'string' ? Buffer.from(data, 'utf8') : data,
      ]),
    ),
  );
}

/** A lorebook entry with every field away from its default. */
export function sampleEntry(id: number, overrides: Partial<LorebookEntry> = {}): LorebookEntry {
  return {
    id,
    name: `entry ${id}`,
    keys: ['lantern', 'harbour light'],
    secondaryKeys: ['night'],
    selective: true,
    selectiveLogic: 'not_all',
    content: 'The old lantern on the pier is lit every night by {{char}}.',
    enabled: true,
    constant: false,
    useRegex: false,
    caseSensitive: true,
    matchWholeWords: false,
    insertionOrder: 50,
    priority: 3,
    position: 'at_depth',
    depth: 2,
    role: 'assistant',
    probability: 75,
    useProbability: true,
    scanDepth: 6,
    preventRecursion: true,
    excludeRecursion: false,
    extensions: { sticky: 2, 'x-test': { nested: [1, 2] } },
    ...overrides,
  };
}

/** A card with every field set, including a lorebook, assets and unknown extensions. */
export function sampleCard(): CharacterCard {
  return {
    ...emptyCard('Maren Vell'),
    nickname: 'Mare',
    description: '{{char}} keeps the lighthouse at the edge of Saltmere.',
    personality: 'patient, dry humour',
    scenario: '{{user}} arrives on the last ferry.',
    firstMessage: '*The lamp swings.* "You missed the ferry back, then."',
    alternateGreetings: ['"Storm coming. Stay inside."', '"Tea?"'],
    groupOnlyGreetings: ['"Everyone in, quickly."'],
    exampleDialogues: '<START>\n{{user}}: Hello\n{{char}}: *nods* Evening.',
    systemPrompt: '{{original}} Stay in character.',
    postHistoryInstructions: 'Keep replies short.',
    creatorNotes: 'A test card.',
    creatorNotesMultilingual: { de: 'Eine Testkarte.' },
    tags: ['test', 'lighthouse'],
    creator: 'starling-tests',
    characterVersion: '1.2',
    extensions: { world: 'Saltmere', talkativeness: '0.5', 'x-unknown': { keep: [true, null, 3] } },
    assets: [{ type: 'icon', uri: 'embeded://assets/icon/images/main.png', name: 'main', ext: 'png' }],
    source: ['https://example.invalid/maren'],
    creationDate: 1_700_000_000,
    modificationDate: 1_700_000_500,
    lorebook: {
      name: 'Saltmere',
      description: 'The harbour town.',
      scanDepth: 5,
      tokenBudget: 600,
      recursiveScanning: true,
      extensions: { 'x-book': 1 },
      entries: [
        sampleEntry(0),
        sampleEntry(1, { position: 'before_char', role: 'system', keys: ['/ferr(y|ies)/i'], useRegex: true }),
        sampleEntry(7, { position: 'after_examples', caseSensitive: null, scanDepth: null, constant: true }),
        sampleEntry(3, { position: 'before_examples', selectiveLogic: 'and_all', enabled: false }),
        sampleEntry(4, { position: 'after_char', selectiveLogic: 'not_any', useProbability: false }),
      ],
    },
  };
}
