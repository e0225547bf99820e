/**
 * How extracted facts meet the facts already remembered, as a pure plan (no store): a duplicate
 * (same subject, high lexical overlap) merges into the existing fact (higher importance, union of
 * citations); a different fact on the same subject supersedes the older one (history kept by the
 * store); anything else is added. A subject is a slot ("user.name", "user.pet.cat.name"), so one
 * live fact per subject is the rule. `forget` requests match facts by subject or by their words.
 */

/** A fact as the planner sees it (existing ones have an id). */
export interface FactCandidate {
  text: string;
  subject: string;
  /** 0..1. */
  importance: number;
  /** 0..1. */
  confidence: number;
  citedMessageIds: string[];
}

export interface ExistingFact extends FactCandidate {
  id: string;
}

export type FactAction =
  | { type: 'add'; fact: FactCandidate }
  /** Replace `id` with `fact` (same meaning, merged importance and citations). */
  | { type: 'merge'; id: string; fact: FactCandidate }
  /** `fact` contradicts or updates `ids` on the same subject. */
  | { type: 'supersede'; ids: string[]; fact: FactCandidate };

/** Above this Dice coefficient of content words two facts on one subject say the same thing. */
export const DUPLICATE_OVERLAP = 0.6;
/** Share of a forget request's words a fact must contain to be forgotten. */
export const FORGET_COVERAGE = 0.8;

const STOPWORDS = new Set(
  'a an the is are was were be been am of to in on at for and or but with by from as that this it its their there user users person they he she his her has have had do does did not no very really'.split(
    ' ',
  ),
);

/** Lowercased, whitespace-collapsed subject. */
export function normalizeSubject(subject: string): string {
  return subject.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Content words: letters and digits, lowercased; each CJK character counts as a word. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  const normalized = text.normalize('NFKC').toLowerCase();
  for (const match of normalized.matchAll(
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu,
  )) {
    const word = match[0];
    if (!STOPWORDS.has(word)) words.add(word);
  }
  return words;
}

/** Dice coefficient of the content words of two texts (0..1). */
export function lexicalOverlap(a: string, b: string): number {
  const left = contentWords(a);
  const right = contentWords(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Plans what to write for `incoming` facts given the live `existing` ones, in order: each incoming
 * fact sees the effect of those before it (two duplicates in one batch merge too). Actions that
 * would change nothing (a duplicate with no new citation and no higher importance) are dropped.
 */
export function planFactMerge(existing: ExistingFact[], incoming: FactCandidate[]): FactAction[] {
  /** Live facts by id; planned ones get a placeholder id until written. */
  const live = new Map<string, ExistingFact>(existing.map((fact) => [fact.id, fact]));
  const actions: (FactAction | null)[] = [];
  /** Index into `actions` for placeholder ids (planned, not yet stored). */
  const planned = new Map<string, number>();
  let next = 0;
  for (const fact of incoming) {
    const subject = normalizeSubject(fact.subject);
    const sameSubject = [...live.values()].filter((other) => normalizeSubject(other.subject) === subject);
    const duplicate = sameSubject
      .map((other) => ({ other, overlap: lexicalOverlap(other.text, fact.text) }))
      .filter(({ overlap }) => overlap >= DUPLICATE_OVERLAP)
      .sort((a, b) => b.overlap - a.overlap)[0]?.other;
    if (duplicate !== undefined) {
      const merged: FactCandidate = {
        text: duplicate.text,
        subject: duplicate.subject,
        importance: Math.max(duplicate.importance, fact.importance),
        confidence: Math.max(duplicate.confidence, fact.confidence),
        citedMessageIds: union(duplicate.citedMessageIds, fact.citedMessageIds),
      };
      const changed =
        merged.importance > duplicate.importance ||
        merged.confidence > duplicate.confidence ||
        merged.citedMessageIds.length > duplicate.citedMessageIds.length;
      if (!changed) continue;
      const plannedAt = planned.get(duplicate.id);
      if (plannedAt !== undefined) {
        // Merging into a fact planned in this batch: rewrite that action instead.
        const action = actions[plannedAt];
        if (action) actions[plannedAt] = { ...action, fact: merged };
        live.set(duplicate.id, { ...merged, id: duplicate.id });
        continue;
      }
      const placeholder = `planned:${next++}`;
      planned.set(placeholder, actions.length);
      actions.push({ type: 'merge', id: duplicate.id, fact: merged });
      live.delete(duplicate.id);
      live.set(placeholder, { ...merged, id: placeholder });
      continue;
    }
    const placeholder = `planned:${next++}`;
    const storedIds = sameSubject.map((other) => other.id).filter((id) => !planned.has(id));
    const plannedIds = sameSubject.map((other) => other.id).filter((id) => planned.has(id));
    for (const id of plannedIds) {
      // A fact planned in this batch is replaced before it is written: drop it, inherit what it replaced.
      const at = planned.get(id) ?? -1;
      const dropped = actions[at];
      if (dropped?.type === 'merge') storedIds.push(dropped.id);
      if (dropped?.type === 'supersede') storedIds.push(...dropped.ids);
      actions[at] = null;
      planned.delete(id);
    }
    for (const other of sameSubject) live.delete(other.id);
    planned.set(placeholder, actions.length);
    actions.push(storedIds.length > 0 ? { type: 'supersede', ids: storedIds, fact } : { type: 'add', fact });
    live.set(placeholder, { ...fact, id: placeholder });
  }
  // Actions replaced later in the same batch are dropped.
  return actions.filter((action): action is FactAction => action !== null);
}

/** The ids of `facts` a forget request matches: the same subject, or most of its words in the fact. */
export function matchForget(facts: ExistingFact[], matches: string): string[] {
  const subject = normalizeSubject(matches);
  const wanted = contentWords(matches);
  if (subject === '' && wanted.size === 0) return [];
  return facts
    .filter((fact) => {
      if (normalizeSubject(fact.subject) === subject) return true;
      if (wanted.size === 0) return false;
      const words = contentWords(`${fact.subject} ${fact.text}`);
      let covered = 0;
      for (const word of wanted) if (words.has(word)) covered += 1;
      return covered / wanted.size >= FORGET_COVERAGE;
    })
    .map((fact) => fact.id);
}
