// Memory retrieval on real data: evidence recall on the LoCoMo development conversation, through the
// library and through the built CLI, plus the errors malformed eval files get.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateConversations, readLocomoFile } from '../src/memory/index.js';
import { runCli } from './support/run-cli.js';

const LOCOMO = path.resolve(import.meta.dirname, '../../shared/corpora/memory/locomo/conversations/26.json');
const present = existsSync(LOCOMO);
if (!present && process.env.CI === 'true') throw new Error(`LoCoMo corpus missing under CI: ${LOCOMO}`);

describe.skipIf(!present)('memory eval on LoCoMo conversation 26', () => {
  it('recalls evidence for at least 80% of questions at k=10 and beats plain BM25', () => {
    const report = evaluateConversations(readLocomoFile(LOCOMO), { k: 10 });
    expect(report.questions).toBeGreaterThan(190);
    expect(report.skipped).toBe(2);
    expect(report.recallAtK).toBeGreaterThanOrEqual(0.8);
    expect(report.recallAt5).toBeGreaterThanOrEqual(0.7);
    expect(report.recallAtK).toBeGreaterThan(report.baseline.recallAtK + 0.1);
    expect(Object.keys(report.byCategory)).toEqual(['1', '2', '3', '4', '5']);
    expect(report.msPerQuery).toBeLessThan(20);
  });

  it('prints the documented JSON through the CLI', async () => {
    const result = await runCli(['eval', 'memory', LOCOMO, '--k', '10', '--json'], {});
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      k: 10,
      questions: expect.any(Number),
      recallAtK: expect.any(Number),
      msPerQuery: expect.any(Number),
    });
    expect(report['baseline']).toMatchObject({
      recallAtK: expect.any(Number),
      byCategory: expect.any(Object),
    });
    expect(report['byCategory']).toHaveProperty('4.recallAtK');
  });
});

describe('memory eval input errors', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'starling-eval-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  const write = async (name: string, content: unknown) => {
    const file = path.join(folder, name);
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const turns = [{ speaker: 'Ana', dia_id: 'D1:1', text: 'I adopted a cat called Miso' }];
  const valid = {
    speaker_a: 'Ana',
    speaker_b: 'Ben',
    session_1: turns,
    session_1_date_time: '1:56 pm on 8 May, 2023',
    session_1_summary: 'never read',
  };
  const qa = [{ question: 'What is the cat called?', answer: 'Miso', evidence: ['D1:1'], category: 4 }];

  it('reads the three layouts and splits joined evidence ids', async () => {
    const top = await write('top.json', { ...valid, qa });
    const nested = await write('nested.json', { conversation: valid, qa });
    const array = await write('array.json', [
      { sample_id: 'x1', conversation: valid, qa: [{ ...qa[0], evidence: ['D1:1; D2:3'] }] },
    ]);
    expect(readLocomoFile(top)[0]?.sessions[0]?.turns).toHaveLength(1);
    expect(readLocomoFile(nested)[0]?.questions[0]?.evidence).toEqual(['D1:1']);
    const [sample] = readLocomoFile(array);
    expect(sample?.name).toBe('x1');
    expect(sample?.questions[0]?.evidence).toEqual(['D1:1', 'D2:3']);
    expect(evaluateConversations([sample!], { k: 10 }).recallAtK).toBe(1);
  });

  it.each([
    ['bad-json.json', '{ not json', /bad-json\.json is not valid JSON/],
    [
      'no-date.json',
      { conversation: { session_1: turns }, qa },
      /no-date\.json: conversation\.session_1_date_time: /,
    ],
    [
      'bad-date.json',
      { conversation: { ...valid, session_1_date_time: 'yesterday' }, qa },
      /bad-date\.json: conversation\.session_1_date_time: not a date/,
    ],
    [
      'bad-turn.json',
      { conversation: { ...valid, session_1: [{ speaker: 'Ana', text: 'hi' }] }, qa },
      /bad-turn\.json: conversation\.session_1\[0\]\.dia_id: /,
    ],
    [
      'bad-qa.json',
      { conversation: valid, qa: [{ question: 'q?', evidence: ['D1:1'] }] },
      /bad-qa\.json: qa\[0\]\.category: /,
    ],
    ['no-qa.json', valid, /no-qa\.json: qa: /],
    ['array.json', [{ conversation: valid, qa: 'x' }], /array\.json: \[0\]\.qa: /],
  ])('rejects %s with eval_invalid naming the field', async (name, content, message) => {
    const file = await write(name, content);
    expect(() => readLocomoFile(file)).toThrow(message);
    try {
      readLocomoFile(file);
    } catch (error) {
      expect(error).toMatchObject({ code: 'eval_invalid' });
    }
  });

  it('prints one error line through the CLI', async () => {
    const file = await write('cli-bad.json', { conversation: { ...valid, session_1_date_time: 'soon' }, qa });
    const result = await runCli(['eval', 'memory', file, '--json'], {});
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^error: eval_invalid: .*cli-bad\.json: conversation\.session_1_date_time: /,
    );
  });
});
