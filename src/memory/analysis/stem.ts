/**
 * A light English stemmer (plural, -ed, -ing, -ly, a final silent e) plus a table of irregular verb
 * forms. Written here because it is ~80 lines: it only has to map the forms people use in chat onto
 * one key consistently for the document and the query, not produce dictionary lemmas.
 */

const IRREGULAR: Readonly<Record<string, string>> = {
  went: 'go',
  gone: 'go',
  goes: 'go',
  saw: 'see',
  seen: 'see',
  made: 'make',
  took: 'take',
  taken: 'take',
  got: 'get',
  gotten: 'get',
  felt: 'feel',
  thought: 'think',
  bought: 'buy',
  told: 'tell',
  said: 'say',
  says: 'say',
  ran: 'run',
  met: 'meet',
  found: 'find',
  gave: 'give',
  given: 'give',
  came: 'come',
  began: 'begin',
  begun: 'begin',
  brought: 'bring',
  built: 'build',
  caught: 'catch',
  chose: 'choose',
  chosen: 'choose',
  drew: 'draw',
  drawn: 'draw',
  drove: 'drive',
  driven: 'drive',
  ate: 'eat',
  eaten: 'eat',
  fell: 'fall',
  fallen: 'fall',
  flew: 'fly',
  flown: 'fly',
  forgot: 'forget',
  forgotten: 'forget',
  grew: 'grow',
  grown: 'grow',
  heard: 'hear',
  held: 'hold',
  kept: 'keep',
  knew: 'know',
  known: 'know',
  learnt: 'learn',
  left: 'leave',
  lost: 'lose',
  paid: 'pay',
  read: 'read',
  rode: 'ride',
  sang: 'sing',
  sung: 'sing',
  sat: 'sit',
  sent: 'send',
  slept: 'sleep',
  spent: 'spend',
  spoke: 'speak',
  spoken: 'speak',
  stood: 'stand',
  swam: 'swim',
  taught: 'teach',
  threw: 'throw',
  thrown: 'throw',
  understood: 'understand',
  woke: 'wake',
  won: 'win',
  wore: 'wear',
  worn: 'wear',
  wrote: 'write',
  written: 'write',
  children: 'child',
  kids: 'kid',
  men: 'man',
  women: 'woman',
  people: 'person',
  mice: 'mouse',
  feet: 'foot',
  teeth: 'tooth',
  was: 'be',
  were: 'be',
  is: 'be',
  are: 'be',
  am: 'be',
  been: 'be',
  had: 'have',
  has: 'have',
  did: 'do',
  does: 'do',
  done: 'do',
};

const VOWEL = /[aeiouy]/;

/** Reduces an English word (lowercase) to a stem shared by its common inflections. */
export function stemEnglish(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let stem = stripPlural(word);
  stem = stripSuffix(stem);
  return tidy(stem);
}

function stripPlural(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(sses|xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s') && word.length > 3) return word.slice(0, -1);
  return word;
}

function stripSuffix(word: string): string {
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'ly']) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    // Keep "thing", "bed", "only": a stem must be 3+ letters and contain a vowel.
    if (stem.length >= 3 && VOWEL.test(stem)) return stem.endsWith('i') ? stem.slice(0, -1) + 'y' : stem;
  }
  return word;
}

function tidy(stem: string): string {
  // "running" -> "runn" -> "run"; "make"/"making" -> "mak": both sides meet on the same key.
  if (/([^aeiouslz])\1$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 3 && stem.endsWith('e') && !stem.endsWith('ee')) stem = stem.slice(0, -1);
  return stem;
}
