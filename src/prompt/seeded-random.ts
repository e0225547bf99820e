/** Deterministic randomness: a string/number hash and a small seeded generator. */

/** 32-bit FNV-1a hash of the given parts, joined unambiguously. */
export function hashParts(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = `${String(part).length}:${String(part)}|`;
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}

/** A mulberry32 generator: fast, good enough for picking variants, reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [0, 1) fixed by the parts: same parts, same number. */
export function unitFromParts(...parts: (string | number)[]): number {
  return seededRandom(hashParts(...parts))();
}
