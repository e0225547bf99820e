/** A labelled text input or textarea with its live token estimate. */
import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { estimateTokens } from '../lib/tokens.js';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  required?: boolean;
}

/** One card field. */
export function TextField({
  label,
  value,
  onChange,
  multiline = false,
  rows = 4,
  required = false,
}: TextFieldProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        <span className="token-count" id={`${id}-tokens`}>
          {t('editor.tokens', { count: estimateTokens(value) })}
        </span>
      </div>
      {multiline ? (
        <textarea
          id={id}
          aria-describedby={`${id}-tokens`}
          rows={rows}
          value={value}
          required={required}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          id={id}
          aria-describedby={`${id}-tokens`}
          value={value}
          required={required}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
