/** Alternate greetings: a list of texts, each with its token estimate, add and remove. */
import { useI18n } from '../i18n/i18n-context.js';
import { Icon } from './icon.js';
import { TextField } from './text-field.js';

/** The alternate greetings editor. */
export function GreetingsField({
  greetings,
  onChange,
}: {
  greetings: string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="greetings">
      <legend>{t('editor.field.alternateGreetings')}</legend>
      {greetings.map((text, index) => (
        <div key={index} className="greeting-row">
          <TextField
            label={t('editor.greetingLabel', { index: index + 1 })}
            value={text}
            multiline
            rows={3}
            onChange={(value) => onChange(greetings.map((old, at) => (at === index ? value : old)))}
          />
          <button
            type="button"
            className="button ghost small danger-text"
            aria-label={t('editor.removeGreeting', { index: index + 1 })}
            onClick={() => onChange(greetings.filter((_, at) => at !== index))}
          >
            <Icon name="close" size={16} />
          </button>
        </div>
      ))}
      <button type="button" className="button secondary small" onClick={() => onChange([...greetings, ''])}>
        {t('editor.addGreeting')}
      </button>
    </fieldset>
  );
}
