/**
 * The card's embedded lorebook: an entry table (keys, secondary keys and logic, position and depth,
 * order, priority, probability, constant, enabled, regex) editable here, and a "test activation" box
 * that asks the server which entries a sample message would fire with the book as edited. The API
 * keeps embedded books as imported, so edits are for testing (see docs/decisions/0009-web-ui.md).
 */
import { useState, type FormEvent } from 'react';
import type { Lorebook, LoreTestResult } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { errorMessage } from '../lib/errors.js';
import { LoreEntryRow } from './lore-entry-row.js';

/** The lorebook section of the editor. */
export function LorebookPanel({ lorebook }: { lorebook: Lorebook | null }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [book, setBook] = useState<Lorebook | null>(lorebook);
  const [sample, setSample] = useState('');
  const [result, setResult] = useState<LoreTestResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (!book) {
    return (
      <section className="panel" aria-labelledby="lore-heading">
        <h2 id="lore-heading">{t('editor.lorebook')}</h2>
        <p className="muted small">{t('editor.noLorebook')}</p>
      </section>
    );
  }

  async function test(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    if (!book) return;
    try {
      setResult(await api.lore.test(book, [sample]));
      setFailure(null);
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  }

  return (
    <section className="panel" aria-labelledby="lore-heading">
      <h2 id="lore-heading">
        {t('editor.lorebook')}{' '}
        <span className="muted small">{t('lore.entries', { count: book.entries.length })}</span>
      </h2>
      <p className="muted small">{t('lore.saveNote')}</p>
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
          onClick={(event) => void test(event)}
        >
          {t('lore.testRun')}
        </button>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
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
      <ul className="lore-entries">
        {book.entries.map((entry, index) => (
          <LoreEntryRow
            key={entry.id}
            entry={entry}
            onChange={(next) =>
              setBook({ ...book, entries: book.entries.map((old, at) => (at === index ? next : old)) })
            }
          />
        ))}
      </ul>
    </section>
  );
}
