/**
 * Import by drag and drop or file picker, several files at once. Files go up one per request so each
 * gets its own result (stored, with warnings, or failed with the server's reason).
 */
import { useRef, useState, type DragEvent } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { errorMessage } from '../lib/errors.js';
import { Icon } from './icon.js';
import { ImportResults, type ImportResult } from './import-results.js';

// The server's default upload limit; larger files are refused here before any upload.
const MAX_MEGABYTES = 32;

/** The import area; `onImported` runs after each batch that stored something. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<ImportResult[]>([]);

  async function importFiles(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    const next: ImportResult[] = [];
    for (const file of files) {
      if (file.size > MAX_MEGABYTES * 1_048_576) {
        next.push({ file: file.name, ok: false, message: t('import.tooLarge', { size: MAX_MEGABYTES }) });
        continue;
      }
      try {
        for (const item of await api.characters.import(file, file.name)) {
          next.push(
            item.error
              ? { file: item.file, ok: false, message: item.error.message }
              : {
                  file: item.file,
                  ok: true,
                  name: item.name ?? '',
                  kind: item.kind,
                  warnings: item.warnings,
                },
          );
        }
      } catch (error) {
        next.push({ file: file.name, ok: false, message: errorMessage(error, t) });
      }
    }
    setResults(next);
    setBusy(false);
    if (input.current) input.current.value = '';
    if (next.some((result) => result.ok)) onImported();
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void importFiles(Array.from(event.dataTransfer.files));
  }

  return (
    <section className="import-panel" aria-label={t('import.title')}>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="drop-icon">
          <Icon name="upload" size={22} />
        </span>
        <span>{busy ? t('import.working') : t('import.drop')}</span>
        <label className="button secondary small file-button">
          {t('import.choose')}
          <input
            ref={input}
            type="file"
            multiple
            accept=".png,.apng,.json,.charx,image/png,application/json"
            className="visually-hidden"
            disabled={busy}
            onChange={(event) => void importFiles(Array.from(event.target.files ?? []))}
          />
        </label>
      </div>
      {results.length > 0 && <ImportResults results={results} onDismiss={() => setResults([])} />}
    </section>
  );
}
