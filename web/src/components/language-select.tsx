/** 中文 / English switch; each option is named in its own language. */
import { useI18n } from '../i18n/i18n-context.js';
import type { Language } from '../i18n/i18n.js';

/** A labelled select that switches the interface language at once. */
export function LanguageSelect({ compact = false }: { compact?: boolean }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className={compact ? 'inline-select compact' : 'inline-select'}>
      <span className={compact ? 'visually-hidden' : undefined}>{t('language.label')}</span>
      <select
        value={language}
        aria-label={t('language.label')}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="zh" lang="zh-CN">
          中文
        </option>
      </select>
    </label>
  );
}
