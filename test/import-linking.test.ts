// Importing through the engine: a card that names a SillyTavern world gets that book attached, a
// broken file fails alone, and the embedded lorebook plus attached books reach the prompt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEstimateTokenCounter, createStarling, type Starling } from '../src/index.js';
import { createTempHome } from './support/temp-home.js';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const card = {
  spec: 'chara_card_v2',
  spec_version: '2.0',
  data: {
    name: 'Mira',
    description: '{{char}} is a cartographer in the harbour city of Vell.',
    personality: 'precise',
    scenario: '',
    first_mes: 'Hello, {{user}}.',
    mes_example: '',
    creator_notes: '',
    system_prompt: '',
    post_history_instructions: '',
    alternate_greetings: [],
    tags: ['maps'],
    creator: 'test',
    character_version: '1',
    extensions: { world: 'Vell Atlas' },
  },
};

const world = {
  entries: {
    '0': {
      uid: 0,
      key: ['lighthouse'],
      keysecondary: [],
      content: 'The Vell lighthouse burns green oil.',
      comment: 'Lighthouse',
      order: 100,
      position: 4,
      depth: 2,
      disable: false,
      constant: false,
    },
    '1': {
      uid: 1,
      key: ['灯塔'],
      keysecondary: [],
      content: '维尔的灯塔烧绿色的油。',
      comment: '灯塔',
      order: 100,
      position: 1,
      disable: false,
      constant: false,
    },
  },
};

describe('import through the engine', () => {
  let starling: Starling;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    starling = await createStarling({ home: temp.home, env: {} });
  });

  afterAll(async () => {
    await starling.close();
    await cleanup();
  });

  it('attaches the linked world, reports the broken file and keeps the rest', async () => {
    const { imported, failed } = await starling.importFiles([
      { name: 'Mira.json', bytes: encode(card) },
      { name: 'broken.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
      { name: 'Vell Atlas.json', bytes: encode(world) },
    ]);
    expect(failed.map((failure) => [failure.file, failure.error.code])).toEqual([
      ['broken.png', expect.stringMatching(/^card_/)],
    ]);
    expect(imported.map((item) => [item.kind, item.name])).toEqual([
      ['lorebook', 'Vell Atlas'],
      ['character', 'Mira'],
    ]);
    const mira = await starling.character('Mira');
    const books = await starling.store.lorebooks.forCharacter(mira.id);
    expect(books.map((book) => book.book.name)).toEqual(['Vell Atlas']);

    const prompt = await starling.chat.dryRun({
      ownerId: starling.user.id,
      character: mira,
      text: 'Can you see the lighthouse? 能看到灯塔吗？',
      counter: createEstimateTokenCounter(),
      contextSize: 4096,
    });
    expect(prompt.lore.map((entry) => entry.name).sort()).toEqual(['Lighthouse', '灯塔']);
    const everything = prompt.messages.map((message) => message.content).join('\n');
    expect(everything).toContain('green oil');
    expect(everything).toContain('Mira is a cartographer');
  });

  it('warns when the linked world is not there', async () => {
    const lonely = { ...card, data: { ...card.data, name: 'Nox', extensions: { world: 'Missing World' } } };
    const { imported } = await starling.importFiles([{ name: 'Nox.json', bytes: encode(lonely) }]);
    expect(imported[0]?.warnings.map((warning) => warning.code)).toContain('world_not_found');
  });
});
