/** One lorebook entry, collapsed to its name and keys; expanded, every activation setting. */
import type { LorebookEntry, LorePosition, SelectiveLogic } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';

const positions: LorePosition[] = [
  'before_char',
  'after_char',
  'before_examples',
  'after_examples',
  'at_depth',
];
const logics: SelectiveLogic[] = ['and_any', 'and_all', 'not_any', 'not_all'];

const splitKeys = (text: string) =>
  text
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);

/** An editable entry. */
export function LoreEntryRow({
  entry,
  onChange,
}: {
  entry: LorebookEntry;
  onChange: (entry: LorebookEntry) => void;
}) {
  const { t } = useI18n();
  const set = (change: Partial<LorebookEntry>) => onChange({ ...entry, ...change });
  const number = (
    label: string,
    value: number,
    key: 'depth' | 'insertionOrder' | 'priority' | 'probability',
  ) => (
    <label className="field compact">
      <span>{label}</span>
      <input type="number" value={value} onChange={(event) => set({ [key]: Number(event.target.value) })} />
    </label>
  );
  const check = (label: string, value: boolean, key: 'constant' | 'enabled' | 'useRegex') => (
    <label className="check">
      <input type="checkbox" checked={value} onChange={(event) => set({ [key]: event.target.checked })} />
      <span>{label}</span>
    </label>
  );
  return (
    <li className={entry.enabled ? 'lore-entry' : 'lore-entry disabled'}>
      <details>
        <summary>
          <strong>{entry.name || `#${entry.id}`}</strong>
          <span className="muted small"> {entry.constant ? t('lore.constant') : entry.keys.join(', ')}</span>
        </summary>
        <div className="lore-entry-body">
          <label className="field">
            <span>{t('lore.name')}</span>
            <input value={entry.name} onChange={(event) => set({ name: event.target.value })} />
          </label>
          <label className="field">
            <span>{t('lore.keys')}</span>
            <input
              value={entry.keys.join(', ')}
              onChange={(event) => set({ keys: splitKeys(event.target.value) })}
            />
          </label>
          <div className="row wrap">
            <label className="field grow">
              <span>{t('lore.secondaryKeys')}</span>
              <input
                value={entry.secondaryKeys.join(', ')}
                onChange={(event) => {
                  const secondaryKeys = splitKeys(event.target.value);
                  set({ secondaryKeys, selective: secondaryKeys.length > 0 });
                }}
              />
            </label>
            <label className="field compact">
              <span>{t('lore.logic')}</span>
              <select
                value={entry.selectiveLogic}
                onChange={(event) => set({ selectiveLogic: event.target.value as SelectiveLogic })}
              >
                {logics.map((logic) => (
                  <option key={logic} value={logic}>
                    {logic}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="row wrap">
            <label className="field compact">
              <span>{t('lore.position')}</span>
              <select
                value={entry.position}
                onChange={(event) => set({ position: event.target.value as LorePosition })}
              >
                {positions.map((position) => (
                  <option key={position} value={position}>
                    {position}
                  </option>
                ))}
              </select>
            </label>
            {number(t('lore.depth'), entry.depth, 'depth')}
            {number(t('lore.order'), entry.insertionOrder, 'insertionOrder')}
            {number(t('lore.priority'), entry.priority, 'priority')}
            {number(t('lore.probability'), entry.probability, 'probability')}
          </div>
          <div className="row wrap">
            {check(t('lore.enabled'), entry.enabled, 'enabled')}
            {check(t('lore.constant'), entry.constant, 'constant')}
            {check(t('lore.regex'), entry.useRegex, 'useRegex')}
          </div>
          <label className="field">
            <span>{t('lore.content')}</span>
            <textarea
              rows={4}
              value={entry.content}
              onChange={(event) => set({ content: event.target.value })}
            />
          </label>
        </div>
      </details>
    </li>
  );
}
