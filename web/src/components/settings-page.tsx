/** Settings: appearance (language, theme), personas, models, API keys, the account. */
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import type { ThemeChoice } from '../lib/theme.js';
import { AccountSettings } from './account-settings.js';
import { KeysSettings } from './keys-settings.js';
import { LanguageSelect } from './language-select.js';
import { ModelsSettings } from './models-settings.js';
import { PersonasSettings } from './personas-settings.js';

/** The settings page. */
export function SettingsPage() {
  const { t } = useI18n();
  const { theme, setTheme } = useApp();
  return (
    <div className="page settings-page">
      <h1>{t('settings.title')}</h1>
      <section className="panel" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">{t('settings.appearance')}</h2>
        <div className="row wrap">
          <LanguageSelect />
          <label className="inline-select">
            <span>{t('settings.theme')}</span>
            <select value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)}>
              <option value="system">{t('theme.system')}</option>
              <option value="light">{t('theme.light')}</option>
              <option value="dark">{t('theme.dark')}</option>
            </select>
          </label>
        </div>
      </section>
      <PersonasSettings />
      <ModelsSettings />
      <KeysSettings />
      <AccountSettings />
    </div>
  );
}
