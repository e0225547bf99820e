/**
 * POSTs a JSON body and hands the `text/event-stream` answer to a sink as decoded text. Two
 * transports behind one shape: node:http(s) with a keep-alive agent (the default: a socket's 'data'
 * event per network read, no web streams in between) and an injected `fetch` (tests, proxies).
 * A non-2xx answer rejects with the AI SDK's `APICallError`, carrying the server's own message.
 */
import http from 'node:http';
import https from 'node:https';
import { APICallError } from '@ai-sdk/provider';

export interface EventStreamRequest {
  url: string;
  headers: Record<string, string>;
  /** The request body (kept as values for errors). */
  body: Record<string, unknown>;
  signal?: AbortSignal;
}

export interface EventStreamSink {
  text(chunk: string): void;
  end(): void;
  error(error: unknown): void;
}

/** An open response body: flow control and cancellation. */
export interface OpenEventStream {
  responseHeaders: Record<string, string>;
  pause(): void;
  resume(): void;
  cancel(): void;
}

export type EventStreamTransport = (
  request: EventStreamRequest,
  sink: EventStreamSink,
) => Promise<OpenEventStream>;

/** Largest error body read for the message. */
const maxErrorBodyBytes = 64 * 1024;

/** The default transport over node:http/https; `agent` keeps connections alive between turns. */
export function createNodeTransport(agents: { http: http.Agent; https: https.Agent }): EventStreamTransport {
  return (request, sink) =>
    new Promise((resolve, reject) => {
      const url = new URL(request.url);
      const payload = JSON.stringify(request.body);
      const secure = url.protocol === 'https:';
      const outgoing = (secure ? https : http).request(url, {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          accept: 'text/event-stream',
          'content-length': Buffer.byteLength(payload),
        },
        signal: request.signal,
      });
      let opened = false;
      outgoing.once('error', (error) => (opened ? sink.error(error) : reject(error)));
      outgoing.once('response', (response) => {
        const responseHeaders = flattenHeaders(response.headers);
        const status = response.statusCode ?? 0;
        response.setEncoding('utf8');
        if (status < 200 || status >= 300) {
          let text = '';
          response.on('data', (chunk: string) => {
            if (text.length < maxErrorBodyBytes) text += chunk;
          });
          response.once('end', () =>
            reject(callError(request, status, response.statusMessage ?? '', responseHeaders, text)),
          );
          response.once('error', reject);
          return;
        }
        opened = true;
        let finished = false;
        const finish = (error?: unknown): void => {
          if (finished) return;
          finished = true;
          if (error === undefined) sink.end();
          else sink.error(error);
        };
        response.on('data', (chunk: string) => sink.text(chunk));
        response.once('end', () => finish());
        response.once('error', (error) => finish(error));
        response.once('close', () => {
          if (!response.complete)
            finish(request.signal?.reason ?? new Error('the model server closed the stream early'));
        });
        resolve({
          responseHeaders,
          pause: () => response.pause(),
          resume: () => response.resume(),
          cancel: () => {
            finished = true;
            outgoing.destroy();
          },
        });
      });
      outgoing.end(payload);
    });
}

/** A transport over an injected (or the global) fetch. */
export function createFetchTransport(fetchImplementation: typeof fetch): EventStreamTransport {
  return async (request, sink) => {
    const response = await fetchImplementation(request.url, {
      method: 'POST',
      headers: { ...request.headers, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(request.body),
      signal: request.signal,
    });
    const responseHeaders = Object.fromEntries(response.headers.entries());
    if (!response.ok || response.body === null) {
      const text = (await response.text().catch(() => '')).slice(0, maxErrorBodyBytes);
      throw callError(request, response.status, response.statusText, responseHeaders, text);
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let gate: Promise<void> | null = null;
    let open: (() => void) | null = null;
    let cancelled = false;
    void (async () => {
      try {
        for (;;) {
          if (gate) await gate;
          const { done, value } = await reader.read();
          if (done) break;
          sink.text(decoder.decode(value, { stream: true }));
        }
        const rest = decoder.decode();
        if (rest !== '') sink.text(rest);
        if (!cancelled) sink.end();
      } catch (error) {
        if (!cancelled) sink.error(error);
      }
    })();
    const resume = (): void => {
      gate = null;
      open?.();
      open = null;
    };
    return {
      responseHeaders,
      pause() {
        gate ??= new Promise((resolve) => (open = resolve));
      },
      resume,
      cancel() {
        cancelled = true;
        void reader.cancel().catch(() => undefined);
        resume();
      },
    };
  };
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** The server's `{error: {message}}` when it sent one, else the status text; retryable like the AI SDK. */
function callError(
  request: EventStreamRequest,
  status: number,
  statusText: string,
  responseHeaders: Record<string, string>,
  responseBody: string,
): APICallError {
  let message = statusText || `HTTP ${status}`;
  try {
    const parsed = JSON.parse(responseBody) as { error?: { message?: unknown } | string };
    const error = parsed.error;
    const text = typeof error === 'string' ? error : error?.message;
    if (typeof text === 'string' && text !== '') message = text;
  } catch {
    // Not JSON: keep the status text.
  }
  return new APICallError({
    message,
    url: request.url,
    requestBodyValues: request.body,
    statusCode: status,
    responseHeaders,
    responseBody,
    isRetryable: status === 408 || status === 409 || status === 429 || status >= 500,
  });
}
