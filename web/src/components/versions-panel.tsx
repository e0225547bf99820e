/** The version history with a restore button per older version. */
import { useEffect, useState } from 'react';
import type { CharacterVersion } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';

interface VersionsPanelProps {
  characterId: string;
  current: number;
  onRestore: (version: number) => void;
}

/** Versions, newest first. */
export function VersionsPanel({ characterId, current, onRestore }: VersionsPanelProps) {
  const { t, language } = useI18n();
  const { api, reportError } = useApp();
  const [versions, setVersions] = useState<CharacterVersion[]>([]);
  useEffect(() => {
    api.characters
      .versions(characterId)
      .then((list) => setVersions([...list].sort((a, b) => b.version - a.version)))
      .catch(reportError);
  }, [api, characterId, reportError]);
  const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <section className="panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('editor.versions')}</h2>
      <ul className="version-list">
        {versions.map((entry) => (
          <li key={entry.version}>
            <span>
              {t('editor.version', { version: entry.version })}
              <span className="muted small"> · {format.format(entry.createdAt)}</span>
            </span>
            {entry.version === current ? (
              <span className="badge subtle">{t('editor.current')}</span>
            ) : (
              <button
                type="button"
                className="button ghost small"
                aria-label={`${t('editor.restore')} ${t('editor.version', { version: entry.version })}`}
                onClick={() => onRestore(entry.version)}
              >
                {t('editor.restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
