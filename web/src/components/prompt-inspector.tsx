/**
 * The prompt inspector: what the server would send for the next message (the text in the message box)
 * right now, section by section with token counts, the lore entries that fired with why and where,
 * and every message as sent. Refreshed when the conversation changes or on demand.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PromptReport } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { errorMessage } from '../lib/errors.js';
import { Icon } from './icon.js';

interface PromptInspectorProps {
  sessionId: string;
  draft: string;
  /** The persona chosen in the toolbar ('' for the default). */
  personaId: string;
  /** Changes when the conversation does, to refresh. */
  version: number;
  onClose: () => void;
}

/** The inspector panel. */
export function PromptInspector({ sessionId, draft, personaId, version, onClose }: PromptInspectorProps) {
  const { t } = useI18n();
  const { api } = useApp();
  const [report, setReport] = useState<PromptReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [inspected, setInspected] = useState('');

  const refresh = useCallback(
    (text: string) => {
      setInspected(text);
      api.sessions
        .prompt(sessionId, text, personaId || undefined)
        .then((next) => {
          setReport(next);
          setFailure(null);
        })
        .catch((error: unknown) => setFailure(errorMessage(error, t)));
    },
    [api, sessionId, personaId, t],
  );
  // The draft is read when the conversation changes, not on every keystroke.
  useEffect(() => refresh(draft), [refresh, version]);

  const sections = Object.entries(report?.tokens.bySection ?? {}).filter(([, count]) => (count ?? 0) > 0);
  const largest = Math.max(1, ...sections.map(([, count]) => count ?? 0));
  return (
    <aside className="inspector" aria-label={t('inspector.title')}>
      <div className="inspector-head">
        <h2>{t('inspector.title')}</h2>
        <button type="button" className="button ghost small" onClick={() => refresh(draft)}>
          {t('inspector.refresh')}
        </button>
        <button type="button" className="button icon" aria-label={t('inspector.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <p className="muted small">
        {inspected.trim()
          ? t('inspector.forMessage', { text: inspected.slice(0, 80) })
          : t('inspector.forEmpty')}
      </p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {report && (
        <>
          <p className="inspector-total">
            <strong>
              {t('inspector.total', { total: report.tokens.total, budget: report.tokens.budget })}
            </strong>
            <span className="muted small"> · {t(`inspector.counter.${report.counter}`)}</span>
          </p>
          {report.droppedMessageIds.length > 0 && (
            <p className="muted small">
              {t('inspector.dropped', { count: report.droppedMessageIds.length })}
            </p>
          )}
          <h3>{t('inspector.sections')}</h3>
          <ul className="section-bars">
            {sections.map(([section, count]) => (
              <li key={section}>
                <span className="section-name">{section}</span>
                <progress max={largest} value={count ?? 0} aria-label={section} />
                <span className="section-count">{count}</span>
              </li>
            ))}
          </ul>
          <h3>{t('inspector.lore')}</h3>
          {report.lore.length === 0 ? (
            <p className="muted small">{t('inspector.noLore')}</p>
          ) : (
            <ul className="lore-fired">
              {report.lore.map((entry) => (
                <li key={entry.id}>
                  <strong className="lore-name">{entry.name || entry.id}</strong>
                  <span className="small">
                    {t('inspector.reason')}: {entry.reason} · {t('inspector.placement')}: {entry.placement} ·{' '}
                    {t('inspector.tokens', { count: entry.tokens })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {report.memories !== undefined && (
            <>
              <h3>{t('inspector.memories')}</h3>
              {report.memories.length === 0 ? (
                <p className="muted small">{t('inspector.noMemories')}</p>
              ) : (
                <ul className="memories-recalled">
                  {report.memories.map((memory) => (
                    <li key={memory.id}>
                      <strong className="lore-name">{memory.text}</strong>
                      <span className="small">
                        {t('inspector.reason')}: {memory.reason} ·{' '}
                        {t('inspector.tokens', { count: memory.tokens })}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          {report.quarantinedMemories !== undefined && report.quarantinedMemories.length > 0 && (
            <div className="notice warning" role="status">
              <h3>{t('inspector.quarantined')}</h3>
              <p className="small">{t('inspector.quarantinedHint')}</p>
              <ul className="memories-quarantined">
                {report.quarantinedMemories.map((memory) => (
                  <li key={memory.id} className="small">
                    {memory.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <h3>{t('inspector.messages')}</h3>
          <ol className="prompt-messages">
            {report.messages.map((message, index) => (
              <li key={index}>
                <details>
                  <summary>
                    <span className={`role role-${message.role}`}>{message.role}</span>
                    <span className="muted small">{message.sections.join(', ')}</span>
                  </summary>
                  <pre className="prompt-text">{message.content}</pre>
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
