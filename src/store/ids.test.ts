import { describe, expect, it } from 'vitest';
import { createIdGenerator } from './ids.js';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createIdGenerator', () => {
  it('makes UUIDv7-shaped ids carrying the time', () => {
    const id = createIdGenerator(() => 0x0123456789ab)();
    expect(id).toMatch(uuidV7);
    expect(id.startsWith('01234567-89ab-7')).toBe(true);
  });

  it('stays strictly increasing within one millisecond, past the counter, and when the clock goes back', () => {
    let time = 1_700_000_000_000;
    const next = createIdGenerator(() => time);
    const ids: string[] = [];
    for (let index = 0; index < 5000; index += 1) ids.push(next());
    time -= 10;
    ids.push(next());
    time += 1000;
    ids.push(next());
    for (const id of ids) expect(id).toMatch(uuidV7);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
