/** The chat toolbar's persona picker: who you are in this chat ('' is your default persona). */
import { useEffect, useState } from 'react';
import type { Persona } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';

/** A select of the caller's personas. */
export function PersonaSelect({ value, onChange }: { value: string; onChange: (personaId: string) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [personas, setPersonas] = useState<Persona[]>([]);
  useEffect(() => {
    api.personas
      .list()
      .then(setPersonas)
      // The picker is a convenience; without the list the default persona is used.
      .catch(() => setPersonas([]));
  }, [api]);
  // A remembered persona that was deleted since falls back to the default.
  const known = personas.some((persona) => persona.id === value) ? value : '';
  return (
    <select aria-label={t('chat.persona')} value={known} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('chat.defaultPersona')}</option>
      {personas.map((persona) => (
        <option key={persona.id} value={persona.id}>
          {persona.name}
        </option>
      ))}
    </select>
  );
}
