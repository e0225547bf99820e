/** Language state for the whole app: the current language, `t` and a setter. */
import { createContext, useContext } from 'react';
import type { Language, Translate } from './i18n.js';

export interface I18n {
  language: Language;
  t: Translate;
  setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18n | null>(null);

/** The app's language and translate function. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nContext');
  return value;
}
