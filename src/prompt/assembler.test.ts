import { describe, expect, it } from 'vitest';
import { StarlingError } from '../spec/index.js';
import { assemblePrompt, createPromptAssembler } from './assembler.js';
import { BUILT_IN_SYSTEM_PROMPT } from './prompt-parts.js';
import {
  makeBook,
  makeCard,
  makeEntry,
  makeHistory,
  makeInput,
  wordCounter,
} from './test-support/fixtures.js';

const card = makeCard({
  description: '{{char}} draws maps of the river cities.',
  personality: 'patient',
  scenario: '{{user}} visits her shop.',
  exampleDialogues: '<START>\n{{user}}: Hi\n{{char}}: Welcome.\n<START>\n{{user}}: Maps?\n{{char}}: Many.',
  postHistoryInstructions: 'Reply in two sentences.',
});

describe('assemblePrompt layout', () => {
  it('merges the stable parts into one system message, then history, then post-history', () => {
    const result = assemblePrompt(
      makeInput({ character: card, persona: 'A traveller.', history: makeHistory(['Hi', 'Hello', 'Maps?']) }),
    );
    expect(result.messages.map((message) => [message.role, message.sections])).toEqual([
      ['system', ['system', 'description', 'personality', 'scenario', 'persona', 'examples']],
      ['user', ['history']],
      ['assistant', ['history']],
      ['user', ['history']],
      ['system', ['post_history']],
    ]);
    const head = result.messages[0]?.content ?? '';
    expect(head).toContain('Mira draws maps of the river cities.');
    expect(head).toContain("Mira's personality: patient");
    expect(head).toContain('Scenario: Ann visits her shop.');
    expect(head).toContain('About Ann: A traveller.');
    expect(head).toContain('[Example dialogue]\nAnn: Maps?\nMira: Many.');
    expect(result.messages.map((message) => message.messageId)).toEqual([
      undefined,
      'm0',
      'm1',
      'm2',
      undefined,
    ]);
  });

  it('uses the built-in system prompt when none is given, and {{original}} for the defaults', () => {
    const plain = assemblePrompt(makeInput());
    expect(plain.messages[0]?.content).toContain(
      BUILT_IN_SYSTEM_PROMPT.replaceAll('{{char}}', 'Mira').replaceAll('{{user}}', 'Ann'),
    );
    const custom = assemblePrompt(
      makeInput({
        character: makeCard({
          systemPrompt: '{{original}} Speak like a pirate.',
          postHistoryInstructions: '{{original}} Stay brief.',
        }),
        defaultSystemPrompt: 'You are {{char}}.',
        defaultPostHistory: 'Be kind.',
      }),
    );
    expect(custom.messages[0]?.content).toBe('You are Mira. Speak like a pirate.');
    expect(custom.messages.at(-1)?.content).toBe('Be kind. Stay brief.');
  });

  it('puts constant lore at its author position and per-turn lore in one block at depth', () => {
    const book = makeBook([
      makeEntry({
        name: 'World',
        constant: true,
        position: 'before_char',
        content: 'The world is flat.',
        insertionOrder: 0,
      }),
      makeEntry({
        name: 'River',
        keys: ['river'],
        position: 'before_char',
        content: 'The river floods.',
        insertionOrder: 2,
      }),
      makeEntry({
        name: 'Cat',
        keys: ['cat'],
        position: 'after_char',
        content: 'Cats rule.',
        insertionOrder: 1,
      }),
    ]);
    const history = makeHistory(['a', 'b', 'c', 'd', 'e', 'f', 'the river and the cat']);
    const result = assemblePrompt(
      makeInput({ lorebooks: [{ id: 'w', book }], history, settings: { loreDepth: 2, anchorLore: false } }),
    );
    expect(result.messages[0]?.sections).toEqual(['system', 'lore_before', 'description']);
    expect(result.messages[0]?.content).toContain('The world is flat.');
    const blockIndex = result.messages.findIndex((message) => message.sections.includes('lore_depth'));
    expect(result.messages.length - 1 - blockIndex).toBe(2); // two history messages after it
    expect(result.messages[blockIndex]?.content).toBe('The river floods.\n\nCats rule.');
    expect(result.lore.map((entry) => [entry.name, entry.reason, entry.placement])).toEqual([
      ['World', 'constant', 'before_char'],
      ['River', 'key "river"', 'depth 2 (system)'],
      ['Cat', 'key "cat"', 'depth 2 (system)'],
    ]);
  });

  it('places per-turn lore where the author said with strictLorePositions', () => {
    const book = makeBook([
      makeEntry({ name: 'River', keys: ['river'], position: 'before_char', content: 'The river floods.' }),
      makeEntry({
        name: '长安',
        keys: ['长安'],
        position: 'at_depth',
        depth: 0,
        role: 'user',
        content: '长安是都城。',
      }),
    ]);
    const result = assemblePrompt(
      makeInput({
        lorebooks: [{ id: 'w', book }],
        history: makeHistory(['river 长安']),
        settings: { strictLorePositions: true },
      }),
    );
    expect(result.messages[0]?.content).toContain('The river floods.');
    expect(result.messages.at(-1)).toMatchObject({
      role: 'user',
      content: '长安是都城。',
      sections: ['lore_depth'],
    });
    expect(result.lore.map((entry) => entry.placement)).toEqual(['before_char', 'depth 0 (user)']);
  });

  it('accounts tokens by section and in total', () => {
    const result = assemblePrompt(makeInput({ character: card, history: makeHistory(['one two', 'three']) }));
    const counted = result.messages.reduce((sum, message) => sum + wordCounter.count(message.content) + 2, 0);
    expect(result.tokens.total).toBe(counted);
    expect(result.tokens.budget).toBe(4096 - 256);
    expect(result.tokens.bySection).toMatchObject({ history: 3, personality: 3, post_history: 4 });
  });
});

describe('assemblePrompt budget', () => {
  const longHistory = makeHistory(
    Array.from({ length: 40 }, (_, index) => `message ${index} ${'word '.repeat(18)}`),
  );

  it('drops example blocks from the last before any history', () => {
    const examples = makeCard({
      exampleDialogues: `<START>\nfirst ${'a '.repeat(30)}\n<START>\nsecond ${'b '.repeat(30)}`,
    });
    const history = makeHistory(Array.from({ length: 30 }, (_, index) => `m${index} ${'w '.repeat(8)}`));
    const dropped: [number, number][] = [];
    for (let length = 1; length <= history.length; length++) {
      const input = makeInput({
        character: examples,
        history: history.slice(0, length),
        contextSize: 300,
        replyReserve: 20,
      });
      const result = assemblePrompt(input);
      dropped.push([result.droppedExampleBlocks, result.droppedMessageIds.length]);
      if (result.droppedExampleBlocks === 1) {
        expect(result.messages[0]?.content).toContain('first');
        expect(result.messages[0]?.content).not.toContain('second');
      }
    }
    // Examples go one block at a time, and history is only cut once both are gone.
    const firstOne = dropped.findIndex(([blocks]) => blocks === 1);
    const firstCut = dropped.findIndex(([, messages]) => messages > 0);
    expect(firstOne).toBeGreaterThan(0);
    expect(dropped[firstOne]?.[1]).toBe(0);
    expect(dropped[firstCut]?.[0]).toBe(2);
  });

  it('keeps the newest history and reports what it dropped, oldest first', () => {
    const result = assemblePrompt(
      makeInput({ character: card, history: longHistory, contextSize: 512, replyReserve: 64 }),
    );
    expect(result.droppedExampleBlocks).toBe(2);
    expect(result.droppedMessageIds[0]).toBe('m0');
    const kept = result.messages.filter((message) => message.messageId).map((message) => message.messageId);
    expect(kept.at(-1)).toBe('m39');
    expect([...result.droppedMessageIds, ...kept]).toEqual(longHistory.map((message) => message.id));
    expect(result.tokens.total).toBeLessThanOrEqual(result.tokens.budget);
  });

  it('keeps lore within its share of the budget', () => {
    const entries = Array.from({ length: 20 }, (_, index) =>
      makeEntry({ name: `e${index}`, keys: ['x'], content: 'lore '.repeat(20) }),
    );
    const result = assemblePrompt(
      makeInput({
        lorebooks: [{ id: 'w', book: makeBook(entries) }],
        history: makeHistory(['x']),
        contextSize: 500,
        replyReserve: 100,
      }),
    );
    expect(result.lore.length).toBe(5); // 25% of 400 = 100 tokens = 5 entries of 20
    expect(result.tokens.bySection.lore_depth).toBe(100);
  });

  it('throws prompt_too_large naming the overflow and the biggest section', () => {
    const huge = makeCard({ description: 'word '.repeat(500) });
    try {
      assemblePrompt(makeInput({ character: huge, contextSize: 400, replyReserve: 100 }));
      expect.unreachable();
    } catch (error) {
      expect(StarlingError.isInstance(error)).toBe(true);
      if (!StarlingError.isInstance(error)) return;
      expect(error.code).toBe('prompt_too_large');
      expect(error.message).toMatch(/tokens over/);
      expect(error.message).toContain('description (500 tokens)');
      expect(error.details).toMatchObject({ biggestSection: 'description' });
    }
  });

  it('counts the new user message as required', () => {
    const history = makeHistory(['word '.repeat(300)]);
    expect(() => assemblePrompt(makeInput({ history, contextSize: 300, replyReserve: 10 }))).toThrow(
      /new_message/,
    );
  });
});

describe('prefix stability', () => {
  function sharedPrefix(a: string[], b: string[]): number {
    let index = 0;
    while (index < a.length && index < b.length && a[index] === b[index]) index++;
    return index;
  }
  const render = (messages: { role: string; content: string }[]) =>
    messages.flatMap((message) => [`<${message.role}>`, ...message.content.split(/\s+/)]);

  it('keeps the prompt prefix when different lore fires on consecutive turns', () => {
    const book = makeBook([
      makeEntry({ keys: ['river'], content: 'The river floods each spring.' }),
      makeEntry({ keys: ['长安'], content: '长安是唐朝的都城。' }),
    ]);
    const assembler = createPromptAssembler();
    const base = makeHistory(['hello', 'hi', 'tell me of the river', 'it is wide', 'and 长安?']);
    const turn1 = assembler.assemble(
      makeInput({ character: card, lorebooks: [{ id: 'w', book }], history: base.slice(0, 3) }),
    );
    const turn2 = assembler.assemble(
      makeInput({ character: card, lorebooks: [{ id: 'w', book }], history: base }),
    );
    expect(turn1.lore.map((entry) => entry.name)).not.toEqual(turn2.lore.map((entry) => entry.name));
    // Everything before turn 1's lore block is still the start of turn 2's prompt.
    const blockAt = turn1.messages.findIndex((message) => message.sections.includes('lore_depth'));
    expect(turn2.messages.slice(0, blockAt)).toEqual(turn1.messages.slice(0, blockAt));
  });

  it('trims history in large steps and keeps the cut across turns', () => {
    const assembler = createPromptAssembler();
    const all = makeHistory(
      Array.from({ length: 200 }, (_, index) => `turn ${index} ${'word '.repeat(10 + (index % 7))}`),
    );
    const cuts: string[] = [];
    let stable = 0;
    let previous: string[] | undefined;
    for (let length = 21; length <= all.length; length += 2) {
      const result = assembler.assemble(
        makeInput({ character: card, history: all.slice(0, length), contextSize: 1024, replyReserve: 128 }),
      );
      expect(result.tokens.total).toBeLessThanOrEqual(result.tokens.budget);
      cuts.push(result.droppedMessageIds.at(-1) ?? '-');
      const tokens = render(result.messages);
      if (previous && sharedPrefix(previous, tokens) / tokens.length > 0.8) stable += 1;
      previous = tokens;
    }
    const changes = cuts.filter((cut, index) => index > 0 && cut !== cuts[index - 1]).length;
    expect(changes).toBeGreaterThan(1);
    expect(changes).toBeLessThan(cuts.length / 4);
    expect(stable).toBeGreaterThan(cuts.length * 0.7);
  });
});

describe('anchored lore', () => {
  it('keeps earlier blocks where they were and does not repeat their entries', () => {
    const book = makeBook([
      makeEntry({ name: 'River', keys: ['river'], content: 'River lore.' }),
      makeEntry({ name: 'Cat', keys: ['cat'], content: 'Cat lore.' }),
    ]);
    const assembler = createPromptAssembler({ settings: { anchorLore: true } });
    const texts = ['hello', 'hi', 'the river', 'wide', 'river and cat'];
    const turn = (length: number) =>
      assembler.assemble(
        makeInput({ lorebooks: [{ id: 'w', book }], history: makeHistory(texts.slice(0, length)) }),
      );
    const first = turn(3);
    const second = turn(5);
    // Turn 1's whole prompt (without its tail instructions) starts turn 2's prompt.
    expect(second.messages.slice(0, first.messages.length)).toEqual(first.messages);
    expect(second.messages.filter((message) => message.content === 'River lore.').length).toBe(1);
    expect(second.lore.map((entry) => [entry.name, entry.placement])).toEqual([
      ['River', 'depth 3 (system)'],
      ['Cat', 'depth 1 (system)'],
    ]);
  });
});

describe('assembler previews', () => {
  it('a preview reads the chat state but never changes what the next real turn sends', () => {
    const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
    const history = makeHistory(Array.from({ length: 40 }, (_, index) => words(20, `w${index}`)));
    const real = makeInput({ history, contextSize: 900, replyReserve: 100 });
    // A long preview message forces a history cut that the real, short message would not need.
    const longPreview = makeInput({
      history: [...history.slice(0, -1), { ...history.at(-1)!, content: words(100, 'long') }],
      contextSize: 900,
      replyReserve: 100,
    });

    const untouched = createPromptAssembler();
    const expected = untouched.assemble(real);

    const previewed = createPromptAssembler();
    previewed.assemble(longPreview, { preview: true });
    expect(previewed.assemble(real)).toEqual(expected);

    // Without preview the long message's cut is remembered and the next prompt differs: the test can fail.
    const remembered = createPromptAssembler();
    remembered.assemble(longPreview);
    expect(remembered.assemble(real).droppedMessageIds).not.toEqual(expected.droppedMessageIds);
  });
});
