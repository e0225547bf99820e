/** Loads the shared lorebook scenario (/work/shared/bench/lore-scenario.mjs) for the benches. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../src/cards/index.js';
import type { CharacterCard, Lorebook } from '../../src/spec/index.js';
import type { HistoryMessage } from '../../src/prompt/index.js';

const GENERATOR = process.env.STARLING_LORE_SCENARIO ?? '/work/shared/bench/lore-scenario.mjs';

export interface LoreScenario {
  folder: string;
  names: string[];
  chat: HistoryMessage[];
  card(size: 200 | 2000): CharacterCard;
  book(size: 200 | 2000): Lorebook;
}

/** Generates the scenario into a temp folder and reads it through Starling's importer. */
export function loadLoreScenario(): LoreScenario {
  if (!existsSync(GENERATOR)) throw new Error(`scenario generator not found: ${GENERATOR}`);
  const folder = mkdtempSync(join(tmpdir(), 'starling-lore-'));
  execFileSync(process.execPath, [GENERATOR, folder]);
  const read = (path: string) => new Uint8Array(readFileSync(join(folder, path)));
  const names = JSON.parse(readFileSync(join(folder, 'names.json'), 'utf8')) as string[];
  const chatPath = join('chats', 'Archivist200', 'Archivist200 - bench.jsonl');
  const lines = readFileSync(join(folder, chatPath), 'utf8').split('\n').filter(Boolean).slice(1);
  const chat = lines.map((line, index): HistoryMessage => {
    const message = JSON.parse(line) as { is_user: boolean; mes: string; send_date: string };
    return {
      id: `c${index}`,
      role: message.is_user ? 'user' : 'assistant',
      content: message.mes,
      createdAt: Date.parse(message.send_date),
    };
  });
  return {
    folder,
    names,
    chat,
    card(size) {
      const result = importFile(read(`characters/Archivist${size}.png`), `Archivist${size}.png`);
      if (result.kind !== 'character') throw new Error('expected a character card');
      return result.card;
    },
    book(size) {
      const result = importFile(read(`worlds/BenchLore${size}.json`), `BenchLore${size}.json`);
      if (result.kind !== 'lorebook') throw new Error('expected a lorebook');
      return result.lorebook;
    },
  };
}
