/** "New character": a name, then the editor. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';

/** A button that opens a one-field form; calls `onCreated` with the new id. */
export function NewCharacterForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const { api, reportError } = useApp();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await api.characters.create({ name: name.trim() });
      onCreated(created.id);
    } catch (error) {
      reportError(error);
    }
  }

  if (!open) {
    return (
      <button type="button" className="button primary" onClick={() => setOpen(true)}>
        {t('gallery.new')}
      </button>
    );
  }
  return (
    <form className="row new-character" onSubmit={(event) => void submit(event)}>
      <input
        aria-label={t('gallery.newName')}
        placeholder={t('gallery.newName')}
        required
        maxLength={200}
        autoFocus
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button primary">
        {t('gallery.create')}
      </button>
      <button type="button" className="button ghost" onClick={() => setOpen(false)}>
        {t('gallery.cancel')}
      </button>
    </form>
  );
}
