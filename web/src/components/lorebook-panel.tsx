/**
 * One lorebook in the editor: its name, an entry list (add, remove, and every activation setting:
 * keys, secondary keys and logic, position and depth, order, priority, probability, constant,
 * enabled, regex), a save button and a "test activation" box that asks the server which entries a
 * sample message would fire with the book as edited, saved or not. Where the book is saved (the
 * card, or a lorebook of its own) is the caller's `onSave`; it answers the book as stored.
 */
import { useId, useState } from 'react';
import type { Lorebook, LoreTestResult } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { errorMessage } from '../lib/errors.js';
import { bookForSave, loreSaveError, newEntry } from '../lib/lorebook-edit.js';
import { LoreEntryRow } from './lore-entry-row.js';

interface LorebookPanelProps {
  book: Lorebook;
  /** What the book is (embedded in the card, or attached), shown under the heading. */
  note: string;
  /** The name used when the book has none (imported books may not). */
  fallbackName: string;
  /** A book not stored yet starts with unsaved changes. */
  isNew?: boolean;
  /** Stores the book; resolves to the stored book and a line for the status area. */
  onSave: (book: Lorebook) => Promise<{ book: Lorebook; message: string }>;
}

/** The editor of one lorebook. */
export function LorebookPanel({
  book: saved,
  note,
  fallbackName,
  isNew = false,
  onSave,
}: LorebookPanelProps) {
  const { t } = useI18n();
  const { api } = useApp();
  const headingId = useId();
  const [book, setBook] = useState<Lorebook>(saved);
  const [dirty, setDirty] = useState(isNew);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  const [sample, setSample] = useState('');
  const [result, setResult] = useState<LoreTestResult | null>(null);
  const [testFailure, setTestFailure] = useState<string | null>(null);
  // The entry just added starts expanded: it has no keys yet, and collapsed it would look empty.
  const [addedId, setAddedId] = useState<number | null>(null);

  const change = (next: Lorebook) => {
    setBook(next);
    setDirty(true);
    setNotice(null);
  };

  async function save() {
    const sent = bookForSave(book, fallbackName);
    setSaving(true);
    setSaveFailure(null);
    try {
      const stored = await onSave(sent);
      setBook(stored.book);
      setDirty(false);
      setNotice(stored.message);
    } catch (error) {
      // Name the entry and field at fault, so a long book need not be searched by index.
      setSaveFailure(loreSaveError(error, sent, t));
    } finally {
      setSaving(false);
    }
  }

  async function test() {
    try {
      setResult(await api.lore.test(bookForSave(book, fallbackName), [sample]));
      setTestFailure(null);
    } catch (error) {
      setTestFailure(errorMessage(error, t));
    }
  }

  return (
    <section className="panel lorebook-panel" aria-labelledby={headingId}>
      <div className="lorebook-heading">
        <h2 id={headingId}>
          {book.name || fallbackName}{' '}
          <span className="muted small">{t('lore.entries', { count: book.entries.length })}</span>
        </h2>
        {dirty && <span className="badge">{t('editor.unsaved')}</span>}
      </div>
      <p className="muted small">{note}</p>
      <label className="field">
        <span>{t('lore.bookName')}</span>
        <input
          value={book.name}
          placeholder={fallbackName}
          onChange={(event) => change({ ...book, name: event.target.value })}
        />
      </label>
      <div className="lore-test" role="group" aria-label={t('lore.test')}>
        <label className="field">
          <span className="field-label">{t('lore.test')}</span>
          <textarea
            rows={2}
            placeholder={t('lore.testPlaceholder')}
            value={sample}
            onChange={(event) => setSample(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="button secondary small"
          disabled={!sample.trim()}
          onClick={() => void test()}
        >
          {t('lore.testRun')}
        </button>
        {testFailure && (
          <p className="form-error" role="alert">
            {testFailure}
          </p>
        )}
        {result && (
          <p role="status" className="lore-result">
            {result.entries.length === 0
              ? t('lore.none')
              : t('lore.fired', {
                  names: result.entries
                    .map((entry) => `${entry.name || entry.id} (${entry.reason})`)
                    .join(', '),
                })}
          </p>
        )}
      </div>
      {book.entries.length === 0 && <p className="muted small">{t('lore.noEntries')}</p>}
      <ul className="lore-entries">
        {book.entries.map((entry, index) => (
          <LoreEntryRow
            key={entry.id}
            entry={entry}
            initiallyOpen={entry.id === addedId}
            onChange={(next) =>
              change({ ...book, entries: book.entries.map((old, at) => (at === index ? next : old)) })
            }
            onRemove={() => change({ ...book, entries: book.entries.filter((_, at) => at !== index) })}
          />
        ))}
      </ul>
      <div className="lorebook-actions">
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            const entry = newEntry(book, t('lore.newEntry'));
            setAddedId(entry.id);
            change({ ...book, entries: [...book.entries, entry] });
          }}
        >
          {t('lore.add')}
        </button>
        <button
          type="button"
          className="button primary small"
          disabled={!dirty || saving}
          onClick={() => void save()}
        >
          {saving ? t('lore.saving') : t('lore.save')}
        </button>
      </div>
      {saveFailure && (
        <p className="form-error" role="alert">
          {saveFailure}
        </p>
      )}
      {notice && (
        <p className="notice small" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
