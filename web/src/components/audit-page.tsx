/**
 * Admins only: the safety audit log (GET /api/admin/audit), newest first, filtered by action,
 * source (classifier, LLM guard, instruction scan) and date. Every field, the audited text
 * included, is rendered as plain text.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AuditFilter, AuditRow } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';

type Action = NonNullable<AuditFilter['action']>;
type Source = NonNullable<AuditFilter['source']>;
const actions: Action[] = ['block', 'revise', 'flag'];
const sources: Source[] = ['classifier', 'llm_guard', 'injection_scan'];
const EXCERPT_LENGTH = 160;

/** The audit page. */
export function AuditPage() {
  const { t, language } = useI18n();
  const { api, reportError } = useApp();
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [action, setAction] = useState<Action | ''>('');
  const [source, setSource] = useState<Source | ''>('');
  const [since, setSince] = useState('');

  const load = useCallback(() => {
    const filter: AuditFilter = {
      limit: 200,
      ...(action ? { action } : {}),
      ...(source ? { source } : {}),
      ...(since ? { since } : {}),
    };
    // A response for filters changed since is dropped: the table always matches the filters shown.
    let current = true;
    api.audit
      .list(filter)
      .then((found) => {
        if (current) setRows(found);
      })
      .catch(reportError);
    return () => {
      current = false;
    };
  }, [api, action, source, since, reportError]);
  useEffect(load, [load]);

  const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  return (
    <div className="page audit-page">
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.hint')}</p>
      <div className="row wrap audit-filters">
        <label className="inline-select">
          <span>{t('audit.action')}</span>
          <select value={action} onChange={(event) => setAction(event.target.value as Action | '')}>
            <option value="">{t('audit.allActions')}</option>
            {actions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-select">
          <span>{t('audit.source')}</span>
          <select value={source} onChange={(event) => setSource(event.target.value as Source | '')}>
            <option value="">{t('audit.allSources')}</option>
            {sources.map((name) => (
              <option key={name} value={name}>
                {t(`audit.source.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-select">
          <span>{t('audit.since')}</span>
          <input type="date" value={since} onChange={(event) => setSince(event.target.value)} />
        </label>
        <button type="button" className="button secondary small" onClick={load}>
          {t('audit.refresh')}
        </button>
      </div>
      {rows !== null && rows.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {rows !== null && rows.length > 0 && (
        <div className="audit-scroll">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.direction')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.source')}</th>
                <th scope="col">{t('audit.policy')}</th>
                <th scope="col">{t('audit.categories')}</th>
                <th scope="col">{t('audit.reason')}</th>
                <th scope="col">{t('audit.text')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-action={row.action} data-source={row.source}>
                  <td>{format.format(row.at)}</td>
                  <td>{row.direction}</td>
                  <td>
                    <span className={row.action === 'block' ? 'badge danger' : 'badge subtle'}>
                      {row.action}
                    </span>
                  </td>
                  <td>{t(`audit.source.${row.source}`)}</td>
                  <td>{row.policy}</td>
                  <td>{row.categories.join(', ')}</td>
                  <td>{row.reason}</td>
                  <td className="audit-text">
                    {row.text === '' ? (
                      <span className="muted">{t('audit.erased')}</span>
                    ) : row.text.length > EXCERPT_LENGTH ? (
                      `${row.text.slice(0, EXCERPT_LENGTH)}…`
                    ) : (
                      row.text
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
