/**
 * `/api/docs`: a readable list of every operation, rendered on the server from the OpenAPI document.
 * No scripts and no inline styles, so the strict CSP holds; the stylesheet is served alongside.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../env.js';

interface Operation {
  summary?: string;
  tags?: string[];
  requestBody?: unknown;
}

export interface OpenApiLike {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, Operation> | undefined>;
}

const stylesheet = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{margin-top:2rem;border-bottom:1px solid #ddd}code{font:13px ui-monospace,monospace}
.method{display:inline-block;min-width:4.5rem;font-weight:bold;text-transform:uppercase}
li{list-style:none;margin:.3rem 0}ul{padding:0}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Renders the operations of an OpenAPI document as HTML, grouped by tag. */
export function renderDocs(document: OpenApiLike): string {
  const groups = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations ?? {})) {
      const tag = operation.tags?.[0] ?? 'other';
      const line = `<li><span class="method">${escapeHtml(method)}</span> <code>${escapeHtml(path)}</code> — ${escapeHtml(operation.summary ?? '')}</li>`;
      groups.set(tag, [...(groups.get(tag) ?? []), line]);
    }
  }
  const sections = [...groups].map(([tag, lines]) => `<h2>${escapeHtml(tag)}</h2><ul>${lines.join('')}</ul>`);
  const title = escapeHtml(`${document.info.title} ${document.info.version}`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/api/docs.css"></head><body><h1>${title}</h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Authenticate with <code>Authorization: Bearer sk-star-…</code> or the session cookie plus <code>X-CSRF-Token</code> on writes. Errors are <code>{"error":{"code","message"}}</code>.</p>
${sections.join('\n')}</body></html>`;
}

/** Adds `/api/docs` and its stylesheet; `document` builds the OpenAPI document on demand. */
export function registerDocs(app: Hono<AppEnv>, document: () => OpenApiLike): void {
  let html: string | undefined;
  app.get('/api/docs', (c) => c.html((html ??= renderDocs(document()))));
  app.get('/api/docs.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(stylesheet);
  });
}
