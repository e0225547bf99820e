/**
 * Seeded fuzzing of importFile: thousands of mutated PNG, JSON and CHARX cards and lorebooks. Every
 * input must either import or fail with a StarlingError, quickly and without growing memory.
 */
import { describe, expect, it } from 'vitest';
import { StarlingError } from '../src/spec/errors.js';
import { exportCard, importFile, lorebookToV3Object } from '../src/cards/index.js';
import { placeholderPng } from '../src/cards/png-export.js';
import { base64Json, pngWith, sampleCard, textChunk, zipOf } from '../src/cards/test-support/fixtures.js';

type Random = () => number;

/** mulberry32: a small deterministic generator, so a failure reproduces from its seed. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, max: number): number => Math.floor(random() * max);

function junk(random: Random, depth = 0): unknown {
  switch (int(random, 10)) {
    case 0:
      return null;
    case 1:
      return (random() - 0.5) * 10 ** int(random, 20);
    case 2:
      return pick(random, ['', '12', '-3.5', 'true', '/re(gex/', '{{user}}', '\u0000\uffff', 'a, b, c']);
    case 3:
      return random() < 0.5;
    case 4:
      return [];
    case 5:
      return depth > 3 ? 'deep' : Array.from({ length: int(random, 4) }, () => junk(random, depth + 1));
    case 6:
      return depth > 3
        ? {}
        : Object.fromEntries(
            Array.from({ length: int(random, 4) }, () => [
              pick(random, ['__proto__', 'constructor', 'keys', 'entries', 'name', 'x']),
              junk(random, depth + 1),
            ]),
          );
    case 7: {
      let nested: unknown = 1;
      for (let level = int(random, 120); level > 0; level -= 1)
        nested = random() < 0.5 ? [nested] : { n: nested };
      return nested;
    }
    case 8:
      return 'x'.repeat(int(random, 5000));
    default:
      return int(random, 1000);
  }
}

/** Replaces, deletes or re-types one value somewhere inside a JSON document. */
function mutateJson(random: Random, document: unknown): unknown {
  const copy = structuredClone(document);
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node: unknown = copy;
  while (typeof node === 'object' && node !== null && (parent === undefined || random() < 0.75)) {
    const keys = Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown>;
    key = pick<string | number>(random, keys);
    node = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === undefined || key === undefined) return junk(random);
  const target = parent as Record<string | number, unknown>;
  const action = int(random, 4);
  if (action === 0 && !Array.isArray(parent)) delete target[key];
  else if (action === 1) target[key] = typeof node === 'string' ? node.length : String(node);
  else target[key] = junk(random);
  return copy;
}

function flipBytes(random: Random, bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  for (let count = 1 + int(random, 8); count > 0; count -= 1)
    copy[int(random, copy.length)] = int(random, 256);
  return copy;
}

/** Overwrites the length field of one PNG chunk with a random value. */
function corruptChunkLength(random: Random, png: Uint8Array): Uint8Array {
  const copy = png.slice();
  const view = new DataView(copy.buffer);
  const offsets: number[] = [];
  for (let offset = 8; offset + 12 <= copy.length; offset += 12 + view.getUint32(offset))
    offsets.push(offset);
  view.setUint32(
    pick(random, offsets),
    pick(random, [0, 1, 0xffffffff, 0x7fffffff, int(random, copy.length * 2)]),
  );
  return copy;
}

const card = sampleCard();
const avatar = new Map([['avatar', placeholderPng()]]);
const v3Document = JSON.parse(Buffer.from(exportCard(card, avatar, 'json')).toString('utf8')) as unknown;
const worldInfo = {
  entries: {
    '0': { uid: 0, key: ['harbour', '/fog+/i'], keysecondary: [], content: 'Fog.', position: 2, order: 10 },
    '1': {
      uid: 1,
      key: ['lamp'],
      comment: 'lamp',
      content: 'Lit.',
      selectiveLogic: 3,
      role: 1,
      disable: false,
    },
  },
};
const seeds = {
  png: exportCard(card, avatar, 'png'),
  charx: exportCard(card, avatar, 'charx'),
  documents: [
    v3Document,
    ...(card.lorebook === null ? [] : [lorebookToV3Object(card.lorebook)]),
    worldInfo,
    { name: 'V1', first_mes: 'hi' },
  ],
};

/** One fuzz input: bytes and the file name they pretend to have. */
function makeInput(random: Random): [Uint8Array, string] {
  const document = pick(random, seeds.documents);
  switch (int(random, 7)) {
    case 0:
      return [flipBytes(random, seeds.png), 'f.png'];
    case 1:
      return [seeds.png.subarray(0, int(random, seeds.png.length)), 'f.png'];
    case 2:
      return [corruptChunkLength(random, seeds.png), 'f.png'];
    case 3:
      return [
        pngWith([textChunk(pick(random, ['ccv3', 'chara']), base64Json(mutateJson(random, document)))]),
        'f.png',
      ];
    case 4:
      return [
        random() < 0.5
          ? flipBytes(random, seeds.charx)
          : seeds.charx.subarray(0, int(random, seeds.charx.length)),
        'f.charx',
      ];
    case 5:
      return [zipOf({ 'card.json': JSON.stringify(mutateJson(random, v3Document)) }), 'f.charx'];
    default: {
      const text = JSON.stringify(mutateJson(random, document)) ?? 'null';
      const bytes = Buffer.from(text, 'utf8');
      return [random() < 0.2 ? flipBytes(random, bytes) : bytes, 'f.json'];
    }
  }
}

describe('card import fuzzing', () => {
  it('fails only with StarlingErrors, in bounded time and memory', () => {
    const random = seeded(20240601);
    const unexpected: string[] = [];
    const outcomes = new Map<string, number>();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    let slowest = 0;
    for (let round = 0; round < 6000; round += 1) {
      const [bytes, fileName] = makeInput(random);
      const begin = performance.now();
      let outcome: string;
      try {
        outcome = importFile(bytes, fileName).kind;
      } catch (error) {
        outcome = StarlingError.isInstance(error) ? error.code : 'UNEXPECTED';
        if (!StarlingError.isInstance(error) && unexpected.length < 5) {
          unexpected.push(`round ${round}: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }
      slowest = Math.max(slowest, performance.now() - begin);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect(unexpected).toEqual([]);
    expect(slowest).toBeLessThan(1_000);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    // The mutations reach past the first check: successes and several distinct error codes.
    expect(outcomes.get('character') ?? 0).toBeGreaterThan(200);
    expect(outcomes.get('lorebook') ?? 0).toBeGreaterThan(60);
    expect(outcomes.size).toBeGreaterThan(8);
  });
});
