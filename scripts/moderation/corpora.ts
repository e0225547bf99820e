/**
 * Reads ../shared/corpora into labelled texts. Nothing here is copied into the repository: training
 * reads the corpora at run time and ships only derived weights. `trainable` follows each SOURCE.md
 * licence (Do-Not-Answer, MSC and LoCoMo are evaluation-only).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Category } from '../../src/safety/types.js';
import { parseCsvRecords } from './csv.js';
import { forbiddenCategories, jadeCategories } from './labels.js';

/** One labelled text. `harmful` drives the `any` head; `labels` the category heads. */
export interface LabeledText {
  text: string;
  labels: Category[];
  harmful: boolean;
  source: string;
  /** Variants of one seed share a group, so a split never separates them. */
  group: string;
  direction: 'input' | 'output';
  trainable: boolean;
}

/** ../shared/corpora, relative to the repository root (override with STARLING_CORPORA). */
export function corporaRoot(): string {
  return process.env.STARLING_CORPORA ?? path.resolve(import.meta.dirname, '../../../shared/corpora');
}

/** True when the safety corpora are present. */
export function hasCorpora(root = corporaRoot()): boolean {
  return existsSync(path.join(root, 'safety/jade-db'));
}

function read(root: string, file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

function jsonLines(root: string, file: string): Record<string, unknown>[] {
  return read(root, file)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function item(text: string, source: string, group: string, fields: Partial<LabeledText>): LabeledText {
  const labels = fields.labels ?? [];
  return {
    text: text.trim(),
    labels,
    harmful: fields.harmful ?? labels.some((label) => label !== 'manipulation'),
    source,
    group,
    direction: fields.direction ?? 'input',
    trainable: fields.trainable ?? true,
  };
}

function readJade(root: string): LabeledText[] {
  const out: LabeledText[] = [];
  const byQuestion = new Map<string, Category[]>();
  const files: [string, string][] = [
    ['jade-db-v1.0__jade_benchmark_zh.csv', 'jade_zh'],
    ['jade-db-v1.0__jade_benchmark_en.csv', 'jade_en'],
    ['jade-db-v2.0__jade_benchmark_easy_zh.dev-half.csv', 'jade_zh'],
    ['jade-db-v2.0__jade_benchmark_medium_zh.dev-half.csv', 'jade_zh'],
  ];
  for (const [file, source] of files) {
    const version = file.slice(8, 12);
    for (const record of parseCsvRecords(read(root, `safety/jade-db/${file}`))) {
      const question = record['问题'] ?? '';
      const labels = jadeCategories(record['违规类型'] ?? '', record['违规子类'] ?? '', question);
      byQuestion.set(question.trim(), labels);
      const group = version === 'v2.0' ? `jade-v2-${record.ID}` : `jade-q-${question.trim()}`;
      out.push(item(question, source, group, { labels }));
    }
  }
  for (const record of parseCsvRecords(
    read(root, 'safety/jade-db/jade-db-v3.0__jade_alignment_hard_zh.utf8.csv'),
  )) {
    const question = (record['问题'] ?? '').trim();
    const group = `jade-q-${question}`;
    const labels = byQuestion.get(question) ?? [];
    out.push(
      item(record['违规回答'] ?? '', 'jade_unsafe_answer', group, {
        labels,
        harmful: true,
        direction: 'output',
      }),
    );
    out.push(item(record['安全有用回答'] ?? '', 'jade_safe_answer', group, { direction: 'output' }));
  }
  return out.filter((entry) => entry.text !== '');
}

function readWild(root: string): LabeledText[] {
  const folder = 'safety/jailbreak-llms-in-the-wild';
  const out: LabeledText[] = [];
  for (const record of parseCsvRecords(read(root, `${folder}/jailbreak_prompts_2023_12_25_sample300.csv`))) {
    const prompt = record.prompt ?? '';
    out.push(item(prompt, 'jailbreak_wild', `wild-${prompt.slice(0, 80)}`, { labels: ['manipulation'] }));
  }
  for (const record of parseCsvRecords(read(root, `${folder}/forbidden_question_set.csv`))) {
    const question = record.question ?? '';
    const labels = forbiddenCategories(record.content_policy_name ?? '', question);
    if (labels !== null) out.push(item(question, 'forbidden_questions', `fq-${question}`, { labels }));
  }
  return out;
}

const SAFETY_PROMPTS: Record<string, Category[]> = {
  Insult: ['hate_harassment'],
  'Unfairness And Discrimination': ['hate_harassment'],
  'Crimes And Illegal Activities': ['crime_drugs'],
  'Physical Harm': ['violence_weapons'],
  'Mental Health': ['self_harm'],
  'Privacy And Property': ['privacy'],
  'Goal Hijacking': ['manipulation'],
  'Prompt Leaking': ['manipulation'],
  'Role Play Instruction': ['manipulation'],
};

function readSafetyPrompts(root: string): LabeledText[] {
  return jsonLines(root, 'safety/safety-prompts-thu-coai-zh/readme_examples_13_categories.jsonl').flatMap(
    (row) => {
      const category = String(row.category ?? '');
      const labels = Object.entries(SAFETY_PROMPTS).find(([name]) =>
        category.toLowerCase().includes(name.toLowerCase()),
      )?.[1];
      const group = `sp-${category}`;
      const response = item(String(row.response ?? ''), 'safety_prompts_response', group, {
        direction: 'output',
      });
      return labels === undefined
        ? [response]
        : [item(String(row.prompt ?? ''), 'safety_prompts', group, { labels }), response];
    },
  );
}

function readPersonaChats(root: string): LabeledText[] {
  const file = 'safety/synthetic-persona-chat/Synthetic-Persona-Chat_test_sample200.first100.csv';
  return parseCsvRecords(read(root, file)).flatMap((record, index) =>
    (record['Best Generated Conversation'] ?? '')
      .split('\n')
      .map((line) => line.replace(/^\s*user \d:\s*/i, ''))
      .filter((line) => line.trim().length > 0)
      .map((line) => item(line, 'persona_chat', `persona-${index}`, {})),
  );
}

function readRoleBench(root: string): LabeledText[] {
  const files = [
    'rolebench-eng__role-generalization__general__test_sample150.jsonl',
    'rolebench-eng__role-generalization__role_specific__test_sample300.jsonl',
    'rolebench-zh__general__test_sample150.jsonl',
    'rolebench-zh__role_specific__test.jsonl',
  ];
  return files.flatMap((file) =>
    jsonLines(root, `roleplay/rolebench/${file}`).flatMap((row, index) => {
      const source = file.startsWith('rolebench-zh') ? 'rolebench_zh' : 'rolebench_en';
      const group = `${file}-${index}`;
      const answers = Array.isArray(row.generated) ? row.generated.slice(0, 1).map(String) : [];
      return [
        item(String(row.question ?? ''), source, group, {}),
        ...answers.map((answer) => item(answer, source, group, { direction: 'output' })),
      ];
    }),
  );
}

/**
 * Benign requests and questions (Apache-2.0 BFCL and ToolBench queries, MIT InCharacter interview
 * questions in English and Chinese): harmful data is mostly requests and the chat corpora mostly
 * statements, so without these the question form itself would read as harm.
 */
function readBenignRequests(root: string): LabeledText[] {
  const out: LabeledText[] = [];
  for (const file of ['BFCL_v4_simple_python.sample100.jsonl', 'BFCL_v4_multiple.sample50.jsonl']) {
    for (const row of jsonLines(root, `tools/bfcl/${file}`)) {
      const turns = (Array.isArray(row.question) ? row.question.flat() : []) as { content?: unknown }[];
      for (const turn of turns)
        out.push(item(String(turn.content ?? ''), 'bfcl', `bfcl-${String(row.id)}`, {}));
    }
  }
  for (const file of [
    'instruction__G1_query.json',
    'instruction__G2_query.json',
    'instruction__G3_query.json',
  ]) {
    const rows = JSON.parse(read(root, `tools/toolbench/${file}`)) as {
      query?: string;
      query_id?: unknown;
    }[];
    for (const row of rows)
      out.push(item(row.query ?? '', 'toolbench', `toolbench-${file}-${String(row.query_id)}`, {}));
  }
  for (const file of ['questionnaires__BFI.json', 'questionnaires__16Personalities.json']) {
    const questions = (
      JSON.parse(read(root, `roleplay/incharacter/${file}`)) as {
        questions?: Record<string, { rewritten_en?: string; rewritten_zh?: string }>;
      }
    ).questions;
    for (const [id, question] of Object.entries(questions ?? {})) {
      const group = `incharacter-${file}-${id}`;
      out.push(item(question.rewritten_en ?? '', 'incharacter', group, {}));
      out.push(item(question.rewritten_zh ?? '', 'incharacter', group, {}));
    }
  }
  return out;
}

function readEvaluationOnly(root: string): LabeledText[] {
  const out: LabeledText[] = [];
  for (const record of parseCsvRecords(read(root, 'safety/do-not-answer/do_not_answer_questions_en.csv'))) {
    const question = record.question ?? '';
    out.push(
      item(question, `dna:${record.types_of_harm ?? ''}`, `dna-${record.id}`, {
        harmful: true,
        trainable: false,
      }),
    );
  }
  for (const line of read(
    root,
    'memory/msc-multi-session-chat/msc_dialogue__session_3__test_sample40.jsonl',
  ).split('\n')) {
    if (line.trim() === '') continue;
    const dialog = (JSON.parse(line) as { dialog?: { text?: string }[] }).dialog ?? [];
    for (const turn of dialog) out.push(item(turn.text ?? '', 'msc', 'msc', { trainable: false }));
  }
  const locomo = JSON.parse(read(root, 'memory/locomo/conversations/26.json')) as Record<string, unknown>;
  for (const [key, value] of Object.entries(locomo)) {
    if (!/^session_\d+$/.test(key) || !Array.isArray(value)) continue;
    for (const turn of value as { text?: string }[])
      out.push(item(turn.text ?? '', 'locomo', 'locomo', { trainable: false }));
  }
  return out.filter((entry) => entry.text !== '');
}

/** Every corpus item, trainable and evaluation-only, in a stable order. */
export function readCorpora(root = corporaRoot()): LabeledText[] {
  return [
    ...readJade(root),
    ...readWild(root),
    ...readSafetyPrompts(root),
    ...readPersonaChats(root),
    ...readRoleBench(root),
    ...readBenignRequests(root),
    ...readEvaluationOnly(root),
  ].filter((entry) => entry.text.length > 0);
}
