/** Languages, the translate function and the initial choice (saved choice, else the browser's). */
import { en, type MessageKey } from './en.js';
import { zh } from './zh.js';

export type Language = 'en' | 'zh';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, zh };
const LANGUAGE_KEY = 'starling.language';

/** The language to start in: a saved choice, else Chinese for a `zh*` browser, else English. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // No storage: fall back to the browser language.
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Saves the choice for the next visit. */
export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not saved; the choice still holds for this page.
  }
}

/** A translate function for one language; `{name}` placeholders take `values`. */
export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, values) => {
    const text = dictionary[key];
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
  };
}

export type { MessageKey };
