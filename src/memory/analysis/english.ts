/** English analysis: words, contractions and possessives, chat slang, stop words, a light stemmer. */
import { stemEnglish } from './stem.js';
import { ENGLISH_STOP_WORDS, QUESTION_FILLER_WORDS } from './stop-words.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Chat spellings mapped onto the word a question would use ("bday" -> "birthday"). */
const SLANG: Readonly<Record<string, string>> = {
  bday: 'birthday',
  pic: 'picture',
  pics: 'pictures',
  photo: 'picture',
  photos: 'pictures',
  fav: 'favorite',
  fave: 'favorite',
  favourite: 'favorite',
  mom: 'mother',
  mum: 'mother',
  mommy: 'mother',
  dad: 'father',
  daddy: 'father',
  bro: 'brother',
  sis: 'sister',
  grandma: 'grandmother',
  grandpa: 'grandfather',
  hubby: 'husband',
  gf: 'girlfriend',
  bf: 'boyfriend',
  convo: 'conversation',
  vacay: 'vacation',
  uni: 'university',
  ppl: 'people',
  colour: 'color',
  theatre: 'theater',
  kiddos: 'kids',
  kiddo: 'kid',
  tv: 'television',
};

export interface EnglishOptions {
  /** Also drop question framing words ("kind", "likely"): for queries. */
  query: boolean;
}

/** Lowercased, de-contracted words of the text, before stop-word removal (for name matching). */
export function englishWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) words.push(decontract(match[0]));
  return words;
}

/** Turns one already-split word into its index term, or null when it carries no topic. */
export function englishTerm(word: string, options: EnglishOptions): string | null {
  const normal = SLANG[word] ?? word;
  if (ENGLISH_STOP_WORDS.has(normal) || /^[a-z]$/.test(normal)) return null;
  if (options.query && QUESTION_FILLER_WORDS.has(normal)) return null;
  const stem = stemEnglish(normal);
  return ENGLISH_STOP_WORDS.has(stem) ? null : stem;
}

function decontract(word: string): string {
  const apostrophe = word.search(/['’]/);
  if (apostrophe < 0) return word;
  const head = word.slice(0, apostrophe);
  const tail = word.slice(apostrophe + 1);
  if (tail !== 't') return head; // possessive 's, and 'm 're 've 'll 'd
  if (head === 'won') return 'will';
  if (head === 'can' || head === 'ain') return head;
  return head.endsWith('n') ? head.slice(0, -1) : head; // "don't" -> "do", "isn't" -> "is"
}
