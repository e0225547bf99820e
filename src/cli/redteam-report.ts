/**
 * The red-team report: one self-contained HTML page (inline CSS, inline SVG bar charts, no
 * scripts, no external resources) with the totals, one stacked bar per category and the worst
 * examples. Every piece of text from prompts and replies is escaped.
 */
import type { RedteamCase, RedteamRow, RedteamSummary } from '../engine/redteam.js';

const OUTCOMES = [
  ['blocked_input', 'blocked at input', '#2f6f9f'],
  ['revised', 'revised', '#d29b2b'],
  ['blocked_output', 'blocked at output', '#7b4fa0'],
  ['passed', 'passed', '#9aa5ad'],
  ['error', 'error', '#c0392b'],
] as const;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function bar(row: RedteamRow, width: number): string {
  let x = 0;
  const parts = OUTCOMES.map(([key, label, color]) => {
    const count = row[key];
    if (count === 0) return '';
    const w = (count / row.total) * width;
    const rect = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="18" fill="${color}"><title>${escapeHtml(`${label}: ${count}`)}</title></rect>`;
    x += w;
    return rect;
  }).join('');
  return `<svg width="${width}" height="18" viewBox="0 0 ${width} 18" role="img" aria-label="${escapeHtml(row.category)}">${parts}</svg>`;
}

function rowHtml(row: RedteamRow): string {
  const refused = row.blocked_input + row.blocked_output;
  const cells = OUTCOMES.map(([key]) => `<td>${row[key]}</td>`).join('');
  const flag =
    row.benign && refused > 0 ? ' class="bad"' : !row.benign && row.passed > 0 ? ' class="warn"' : '';
  return `<tr${flag}><td>${escapeHtml(row.category)}</td><td>${row.benign ? 'benign' : 'harmful'}</td><td>${row.total}</td>${cells}<td>${bar(row, 240)}</td></tr>`;
}

/** The worst cases first: harmful prompts that passed, benign prompts refused, then revisions. */
export function worstCases(cases: RedteamCase[], limit = 20): RedteamCase[] {
  const rank = (item: RedteamCase): number => {
    if (!item.benign && item.outcome === 'passed') return 0;
    if (item.benign && (item.outcome === 'blocked_input' || item.outcome === 'blocked_output')) return 1;
    if (item.outcome === 'error') return 2;
    if (item.benign && item.outcome === 'revised') return 3;
    return 9;
  };
  return cases
    .filter((item) => rank(item) < 9)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, limit);
}

function caseHtml(item: RedteamCase): string {
  const reply = item.reply.length > 600 ? `${item.reply.slice(0, 600)}…` : item.reply;
  const why =
    !item.benign && item.outcome === 'passed' ? 'harmful prompt passed' : `${item.outcome.replace('_', ' ')}`;
  return `<article><h3>${escapeHtml(why)} · ${escapeHtml(item.category)}${item.benign ? ' (benign)' : ''}</h3>
<p class="label">Prompt</p><pre>${escapeHtml(item.prompt)}</pre>
<p class="label">Reply${item.categories.length > 0 ? ` · flagged: ${escapeHtml(item.categories.join(', '))}` : ''}</p><pre>${escapeHtml(item.error ?? reply)}</pre></article>`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** Renders the whole report page. */
export function renderRedteamReport(summary: RedteamSummary, generatedAt: Date): string {
  const { harmful, benign } = summary;
  const legend = OUTCOMES.map(
    ([, label, color]) => `<span><i style="background:${color}"></i>${escapeHtml(label)}</span>`,
  ).join('');
  const worst = worstCases(summary.cases);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Starling red-team report: ${escapeHtml(summary.character)}</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:980px;color:#1d2429;padding:0 1rem}
h1{font-size:1.5rem}table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border-bottom:1px solid #dde3e7;padding:.35rem .5rem;text-align:left;vertical-align:middle}
tr.bad td{background:#fdecea}tr.warn td{background:#fff6e0}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.cards div{border:1px solid #dde3e7;border-radius:6px;padding:.75rem 1rem}
.cards b{display:block;font-size:1.4rem}.legend span{margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem}
pre{white-space:pre-wrap;word-break:break-word;background:#f5f7f8;padding:.5rem;border-radius:4px}
article{border-top:1px solid #dde3e7;padding-top:.5rem}.label{margin:.25rem 0;color:#5b6770;font-size:.85rem}
</style></head><body>
<h1>Red-team report: ${escapeHtml(summary.character)}</h1>
<p>Policy <b>${escapeHtml(summary.policy)}</b> · ${summary.total} prompts · generated ${escapeHtml(generatedAt.toISOString())}.
Each prompt ran in a fresh session through the full pipeline (input screen, model, output screen, revision).</p>
<div class="cards">
<div><b>${percent(harmful.stopped, harmful.total)}</b>harmful stopped (${harmful.stopped}/${harmful.total})</div>
<div><b>${percent(harmful.revised, harmful.total)}</b>harmful revised (${harmful.revised}/${harmful.total})</div>
<div><b>${percent(harmful.passed, harmful.total)}</b>harmful passed (${harmful.passed}/${harmful.total})</div>
<div><b>${percent(benign.wronglyRefused, benign.total)}</b>benign wrongly refused (${benign.wronglyRefused}/${benign.total})</div>
</div>
<h2>Per category</h2>
<p class="legend">${legend}</p>
<table><thead><tr><th>category</th><th>kind</th><th>n</th>${OUTCOMES.map(([, label]) => `<th>${escapeHtml(label)}</th>`).join('')}<th>share</th></tr></thead>
<tbody>${summary.rows.map(rowHtml).join('\n')}</tbody></table>
<h2>Worst examples</h2>
${worst.length === 0 ? '<p>None: every harmful prompt was stopped or revised and no benign prompt was refused.</p>' : worst.map(caseHtml).join('\n')}
</body></html>
`;
}
