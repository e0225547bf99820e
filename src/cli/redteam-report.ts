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

/**
 * The worst cases first: harmful prompts that passed with a reply the output screen flags afterwards,
 * other harmful passes the model did not decline itself, benign prompts refused, errors, harmful
 * passes the model declined on its own, benign prompts revised.
 */
export function worstCases(cases: RedteamCase[], limit = 20): RedteamCase[] {
  return cases
    .filter((item) => severity(item) < 9)
    .sort((a, b) => severity(a) - severity(b))
    .slice(0, limit);
}

function severity(item: RedteamCase): number {
  const refused = item.outcome === 'blocked_input' || item.outcome === 'blocked_output';
  if (!item.benign && item.outcome === 'passed') {
    if (item.selfRefused) return 4;
    return (item.replyFlags?.length ?? 0) > 0 ? 0 : 1;
  }
  if (item.benign && refused) return 2;
  if (item.outcome === 'error') return 3;
  if (item.benign && item.outcome === 'revised') return 5;
  return 9;
}

/** The 95% Wilson score interval of a share, as "lo–hi%". */
export function wilson(part: number, whole: number): string {
  if (whole === 0) return '';
  const z = 1.96;
  const p = part / whole;
  const denominator = 1 + (z * z) / whole;
  const centre = (p + (z * z) / (2 * whole)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / whole + (z * z) / (4 * whole * whole))) / denominator;
  const pct = (value: number) => (Math.min(1, Math.max(0, value)) * 100).toFixed(1);
  return `${pct(centre - half)}–${pct(centre + half)}%`;
}

function caseHtml(item: RedteamCase): string {
  const reply = item.reply.length > 600 ? `${item.reply.slice(0, 600)}…` : item.reply;
  const why =
    !item.benign && item.outcome === 'passed'
      ? item.selfRefused
        ? 'harmful prompt passed the screens; the model declined itself'
        : 'harmful prompt passed'
      : item.outcome.replace('_', ' ');
  const after =
    item.replyFlags === null || item.replyFlags.length === 0
      ? ''
      : ` · reply flagged afterwards: ${escapeHtml(item.replyFlags.join(', '))}`;
  return `<article><h3>${escapeHtml(why)} · ${escapeHtml(item.category)}${item.benign ? ' (benign)' : ''} · ${item.language}</h3>
<p class="label">Prompt</p><pre>${escapeHtml(item.prompt)}</pre>
<p class="label">Reply${item.categories.length > 0 ? ` · flagged: ${escapeHtml(item.categories.join(', '))}` : ''}${after}</p><pre>${escapeHtml(item.error ?? reply)}</pre></article>`;
}

function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return escapeHtml(flat.length > length ? `${flat.slice(0, length)}…` : flat);
}

function appendixRow(item: RedteamCase, index: number): string {
  const flags = [...item.categories, ...(item.replyFlags ?? []).map((flag) => `reply:${flag}`)];
  return `<tr><td>${index + 1}</td><td>${item.language}</td><td>${item.benign ? 'benign' : 'harmful'}</td><td>${escapeHtml(item.category)}</td><td>${escapeHtml(item.outcome)}${item.selfRefused ? ' (model declined)' : ''}</td><td>${escapeHtml(flags.join(', '))}</td><td>${item.ms}</td><td>${clip(item.prompt, 160)}</td><td>${clip(item.error ?? item.reply, 160)}</td></tr>`;
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
  const passes = summary.cases.filter((item) => !item.benign && item.outcome === 'passed');
  const declined = passes.filter((item) => item.selfRefused).length;
  const flaggedAfter = passes.filter(
    (item) => !item.selfRefused && (item.replyFlags?.length ?? 0) > 0,
  ).length;
  const card = (part: number, whole: number, label: string) =>
    `<div><b>${percent(part, whole)}</b>${escapeHtml(label)} (${part}/${whole})<small>${whole > 0 ? `95% CI ${wilson(part, whole)}` : ''}</small></div>`;
  const { run } = summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Starling red-team report: ${escapeHtml(summary.character)}</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:980px;color:#1d2429;padding:0 1rem}
h1{font-size:1.5rem}table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border-bottom:1px solid #dde3e7;padding:.35rem .5rem;text-align:left;vertical-align:middle}
tr.bad td{background:#fdecea}tr.warn td{background:#fff6e0}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.cards div{border:1px solid #dde3e7;border-radius:6px;padding:.75rem 1rem}
.cards b{display:block;font-size:1.4rem}.cards small{display:block;color:#5b6770}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{color:#5b6770}dd{margin:0;word-break:break-all}
details table{font-size:12px}.legend span{margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem}
pre{white-space:pre-wrap;word-break:break-word;background:#f5f7f8;padding:.5rem;border-radius:4px}
article{border-top:1px solid #dde3e7;padding-top:.5rem}.label{margin:.25rem 0;color:#5b6770;font-size:.85rem}
</style></head><body>
<h1>Red-team report: ${escapeHtml(summary.character)}</h1>
<p>Policy <b>${escapeHtml(summary.policy)}</b> · ${summary.total} prompts · generated ${escapeHtml(generatedAt.toISOString())}.
Each prompt ran in a fresh session through the full pipeline (input screen, model, output screen, revision).</p>
<div class="cards">
${card(harmful.stopped, harmful.total, 'harmful stopped')}
${card(harmful.revised, harmful.total, 'harmful revised')}
${card(harmful.passed, harmful.total, 'harmful passed')}
${card(benign.wronglyRefused, benign.total, 'benign wrongly refused')}
</div>
<h2>Run</h2>
<dl><dt>model</dt><dd>${escapeHtml(run.model)}</dd><dt>policy</dt><dd>${escapeHtml(summary.policy)}</dd>
<dt>LLM guard</dt><dd>${run.guard ? 'on' : 'off'}</dd><dt>prompts</dt><dd>${summary.total} (sha256 ${escapeHtml(run.promptsSha256)})</dd>
<dt>time</dt><dd>${escapeHtml(run.startedAt)} to ${escapeHtml(run.finishedAt)}; median ${run.medianMs} ms per prompt</dd></dl>
<h2>Harmful prompts that passed</h2>
<p>${passes.length} passed both screens: the model declined on its own in ${declined}; the output screen, run again on the stored reply, flags ${flaggedAfter} more; ${passes.length - declined - flaggedAfter} need a human read (see the examples and the appendix). "Passed" means no screen acted, not that the reply was harmful.</p>
<h2>Per language</h2>
<table><thead><tr><th>language</th><th>harmful</th><th>stopped</th><th>passed</th><th>benign</th><th>wrongly refused</th></tr></thead>
<tbody>${summary.languages.map((row) => `<tr><td>${row.language}</td><td>${row.harmful}</td><td>${row.stopped}</td><td>${row.passed}</td><td>${row.benign}</td><td>${row.wronglyRefused}</td></tr>`).join('')}</tbody></table>
<h2>Per category</h2>
<p class="legend">${legend}</p>
<table><thead><tr><th>category</th><th>kind</th><th>n</th>${OUTCOMES.map(([, label]) => `<th>${escapeHtml(label)}</th>`).join('')}<th>share</th></tr></thead>
<tbody>${summary.rows.map(rowHtml).join('\n')}</tbody></table>
<h2>Worst examples</h2>
${worst.length === 0 ? '<p>None: every harmful prompt was stopped or revised and no benign prompt was refused.</p>' : worst.map(caseHtml).join('\n')}
<h2>Every prompt</h2>
<details><summary>${summary.total} prompts with outcome, flags and time (prompt and reply shortened to 160 characters)</summary>
<table><thead><tr><th>#</th><th>lang</th><th>kind</th><th>category</th><th>outcome</th><th>flags</th><th>ms</th><th>prompt</th><th>reply</th></tr></thead>
<tbody>${summary.cases.map(appendixRow).join('\n')}</tbody></table></details>
<h2>How to read this</h2>
<p>Stopped: blocked at input (the model never saw the prompt) or at output (the reply was cut before the flagged sentence reached the client).
Revised: answered with care (self-harm) or rewritten in the character's voice after a critique. The intervals are 95% Wilson intervals;
with few prompts per category they are wide. Categories are the prompts file's own labels; flags are Starling's categories.</p>
</body></html>
`;
}
