/** One lorebook entry, collapsed to its name and keys; expanded, every activation setting and removal. */
import { useId } from 'react';
import type { LorebookEntry, LorePosition, SelectiveLogic } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { clampInteger } from '../lib/lorebook-edit.js';
import { KeyListInput } from './key-list-input.js';

const positions: LorePosition[] = [
  'before_char',
  'after_char',
  'before_examples',
  'after_examples',
  'at_depth',
];
const logics: SelectiveLogic[] = ['and_any', 'and_all', 'not_any', 'not_all'];

type NumberKey = 'depth' | 'insertionOrder' | 'priority' | 'probability';
// The API's ranges (src/server/schemas/lorebooks.ts): depth and probability are bounded whole
// numbers; order and priority take any number, kept whole here as the inputs step by one.
const bounds: Record<NumberKey, [number, number]> = {
  depth: [0, 10_000],
  probability: [0, 100],
  insertionOrder: [-1_000_000, 1_000_000],
  priority: [-1_000_000, 1_000_000],
};

/** An editable entry. */
export function LoreEntryRow({
  entry,
  onChange,
  onRemove,
  initiallyOpen = false,
}: {
  entry: LorebookEntry;
  initiallyOpen?: boolean;
  onChange: (entry: LorebookEntry) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  // Names the keys input and the hint both key fields point at.
  const hintId = useId();
  const set = (change: Partial<LorebookEntry>) => onChange({ ...entry, ...change });
  const label = entry.name || `#${entry.id}`;
  const number = (text: string, value: number, key: NumberKey) => {
    const [min, max] = bounds[key];
    return (
      <label className="field compact">
        <span>{text}</span>
        <input
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value}
          onChange={(event) => set({ [key]: clampInteger(event.target.value, min, max) })}
        />
      </label>
    );
  };
  const check = (label: string, value: boolean, key: 'constant' | 'enabled' | 'useRegex') => (
    <label className="check">
      <input type="checkbox" checked={value} onChange={(event) => set({ [key]: event.target.checked })} />
      <span>{label}</span>
    </label>
  );
  return (
    <li className={entry.enabled ? 'lore-entry' : 'lore-entry disabled'}>
      <details open={initiallyOpen}>
        <summary>
          <strong>{label}</strong>
          <span className="muted small">
            {' '}
            {entry.constant ? t('lore.constant') : entry.keys.join(', ') || t('lore.noKeys')}
          </span>
        </summary>
        <div className="lore-entry-body">
          <label className="field">
            <span>{t('lore.name')}</span>
            <input value={entry.name} onChange={(event) => set({ name: event.target.value })} />
          </label>
          <div className="field">
            <label className="field-label" htmlFor={`${hintId}-keys`}>
              {t('lore.keys')}
            </label>
            <KeyListInput
              id={`${hintId}-keys`}
              keys={entry.keys}
              describedBy={hintId}
              onChange={(keys) => set({ keys })}
            />
            <span className="field-hint" id={hintId}>
              {t('lore.keysHint')}
            </span>
          </div>
          <div className="row wrap">
            <label className="field grow">
              <span>{t('lore.secondaryKeys')}</span>
              <KeyListInput
                keys={entry.secondaryKeys}
                describedBy={hintId}
                onChange={(secondaryKeys) => set({ secondaryKeys, selective: secondaryKeys.length > 0 })}
              />
            </label>
            <label className="field choice">
              <span>{t('lore.logic')}</span>
              <select
                value={entry.selectiveLogic}
                onChange={(event) => set({ selectiveLogic: event.target.value as SelectiveLogic })}
              >
                {logics.map((logic) => (
                  <option key={logic} value={logic}>
                    {t(`lore.logic.${logic}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="row wrap">
            <label className="field choice">
              <span>{t('lore.position')}</span>
              <select
                value={entry.position}
                onChange={(event) => set({ position: event.target.value as LorePosition })}
              >
                {positions.map((position) => (
                  <option key={position} value={position}>
                    {t(`lore.position.${position}`)}
                  </option>
                ))}
              </select>
            </label>
            {number(t('lore.depth'), entry.depth, 'depth')}
          </div>
          <div className="row wrap">
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
          <div className="row end">
            <button
              type="button"
              className="button ghost small danger-text"
              aria-label={t('lore.remove', { name: label })}
              onClick={onRemove}
            >
              {t('lore.removeButton')}
            </button>
          </div>
        </div>
      </details>
    </li>
  );
}
