/**
 * Hidden-instruction scan on import: card fields and lorebook entries are untrusted text. A
 * suspicious card field gets an `untrusted_instructions` warning (the field stays, visibly flagged);
 * a suspicious lorebook entry is also quarantined (`extensions.starling_quarantine = reason`), so
 * the prompt module never activates it until a person clears the marker.
 */
import type { CharacterCard, ImportWarning } from '../spec/character.js';
import type { Lorebook } from '../spec/lorebook.js';
import type { AuditDraft } from '../spec/audit-store.js';
import { scanUntrusted } from '../safety/index.js';

/** The lorebook-entry extension key that keeps an entry out of prompts. */
export const QUARANTINE_KEY = 'starling_quarantine';

/** What a scan found: warnings for the import result and the text for one audit row. */
export interface ImportFindings {
  warnings: ImportWarning[];
  spans: string[];
  reasons: string[];
}

const CARD_FIELDS = [
  'description',
  'personality',
  'scenario',
  'firstMessage',
  'exampleDialogues',
  'systemPrompt',
  'postHistoryInstructions',
] as const;

function empty(): ImportFindings {
  return { warnings: [], spans: [], reasons: [] };
}

/** Scans a lorebook's entries; returns the book with suspicious entries quarantined. */
export function quarantineLorebook(book: Lorebook, path: string, findings: ImportFindings = empty()) {
  const entries = book.entries.map((entry, index) => {
    const scan = scanUntrusted(`${entry.name}\n${entry.content}`, 'lorebook');
    if (!scan.suspicious) return entry;
    const rules = [...new Set(scan.spans.map((span) => span.rule))].join(', ');
    findings.warnings.push({
      code: 'untrusted_instructions',
      message: `lorebook entry "${entry.name || entry.id}" contains instructions aimed at the model (${rules}); it is quarantined and never activates`,
      path: `${path}[${index}]`,
    });
    findings.spans.push(...scan.spans.map((span) => span.text));
    findings.reasons.push(scan.reason);
    return { ...entry, extensions: { ...entry.extensions, [QUARANTINE_KEY]: rules } };
  });
  return { book: { ...book, entries }, findings };
}

/** Scans a card's fields and its embedded lorebook; returns the card with the book quarantined. */
export function scanCard(card: CharacterCard): { card: CharacterCard; findings: ImportFindings } {
  const findings = empty();
  const texts: [string, string][] = [
    ...CARD_FIELDS.map((field): [string, string] => [field, card[field]]),
    ...card.alternateGreetings.map((text, index): [string, string] => [`alternateGreetings[${index}]`, text]),
  ];
  for (const [field, text] of texts) {
    const scan = scanUntrusted(text, 'card');
    if (!scan.suspicious) continue;
    const rules = [...new Set(scan.spans.map((span) => span.rule))].join(', ');
    findings.warnings.push({
      code: 'untrusted_instructions',
      message: `the card field ${field} contains instructions aimed at the model (${rules}); review it before chatting`,
      path: `data.${field}`,
    });
    findings.spans.push(...scan.spans.map((span) => span.text));
    findings.reasons.push(scan.reason);
  }
  if (card.lorebook === null) return { card, findings };
  const { book } = quarantineLorebook(card.lorebook, 'data.character_book.entries', findings);
  return { card: { ...card, lorebook: book }, findings };
}

/** The audit row for an import with findings (null without findings). */
export function importAudit(
  ownerId: string,
  characterId: string | null,
  findings: ImportFindings,
): AuditDraft | null {
  if (findings.warnings.length === 0) return null;
  return {
    ownerId,
    characterId,
    direction: 'import',
    action: 'flag',
    source: 'injection_scan',
    policy: 'untrusted',
    categories: ['manipulation'],
    scores: {},
    reason: findings.warnings.map((warning) => warning.message).join('; '),
    text: findings.spans.join('\n'),
  };
}
