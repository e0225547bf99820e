/**
 * The load bench's measuring clients: one streaming request each over node:http with a shared
 * keep-alive agent, and only as much parsing as the measurement needs (the send-time stamps in the
 * token text and the final event), so that the clients cost far less than the server they measure.
 */
import http from 'node:http';
import { preciseNow } from './fake-openai-server.js';

export interface StreamOutcome {
  ok: boolean;
  error?: string;
  tokens: number;
  latencies: number[];
  /** Backend send time of each latency sample. */
  sentAt: number[];
  ttft: number | null;
}

export interface StreamRequest {
  agent: http.Agent;
  url: string;
  key: string;
  via: 'rest' | 'v1';
  sessionId: string;
  characterId: string;
  index: number;
  signal: AbortSignal;
  /** +1 when the response starts, -1 when it ends. */
  track: (delta: number) => void;
}

const stampPattern = /<(\d+\.\d{3})>/g;
/** Enough of the end of the body to hold the final event. */
const tailLength = 1024;

/** Runs one streaming turn (REST `POST /api/sessions/:id/messages` or `/v1/chat/completions`). */
export function streamOnce(request: StreamRequest): Promise<StreamOutcome> {
  const outcome: StreamOutcome = { ok: false, tokens: 0, latencies: [], sentAt: [], ttft: null };
  const rest = request.via === 'rest';
  const path = rest ? `/api/sessions/${request.sessionId}/messages` : '/v1/chat/completions';
  const body = JSON.stringify(
    rest
      ? { content: `Hello ${request.index}` }
      : {
          model: request.characterId,
          stream: true,
          messages: [{ role: 'user', content: `Hello ${request.index}` }],
        },
  );
  const sent = preciseNow();
  return new Promise((resolve) => {
    const outgoing = http.request(`${request.url}${path}`, {
      method: 'POST',
      agent: request.agent,
      signal: request.signal,
      headers: {
        authorization: `Bearer ${request.key}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'content-length': Buffer.byteLength(body),
      },
    });
    let opened = false;
    const done = (error?: string): void => {
      if (opened) request.track(-1);
      opened = false;
      if (error !== undefined && outcome.error === undefined) outcome.error = error;
      resolve(outcome);
    };
    outgoing.once('error', (error) => done(error.name === 'AbortError' ? 'timeout' : error.message));
    outgoing.once('response', (response) => {
      response.setEncoding('latin1');
      if (response.statusCode !== 200) {
        response.resume();
        response.once('end', () => done(`http ${response.statusCode}`));
        return;
      }
      opened = true;
      request.track(+1);
      // A stamp split across two reads is completed by keeping everything after the last '<'.
      let carry = '';
      let tail = '';
      response.on('data', (chunk: string) => {
        const received = preciseNow();
        const text = carry === '' ? chunk : carry + chunk;
        const open = text.lastIndexOf('<');
        carry = open !== -1 && text.indexOf('>', open) === -1 ? text.slice(open) : '';
        stampPattern.lastIndex = 0;
        for (let match = stampPattern.exec(text); match !== null; match = stampPattern.exec(text)) {
          const stamp = Number(match[1]);
          if (outcome.ttft === null) outcome.ttft = received - sent;
          outcome.tokens += 1;
          outcome.latencies.push(received - stamp);
          outcome.sentAt.push(stamp);
        }
        tail = (tail + chunk).slice(-tailLength);
      });
      response.once('error', (error) => done(error.message));
      response.once('end', () => {
        readEnd(outcome, tail, rest);
        done();
      });
    });
    outgoing.end(body);
  });
}

/** Reads the final event: `turn-end` (not aborted) or `data: [DONE]` without an error frame. */
function readEnd(outcome: StreamOutcome, tail: string, rest: boolean): void {
  if (rest) {
    const error = /event: error\ndata: \{"code":"([^"]*)"/.exec(tail);
    if (error) outcome.error = error[1];
    const end = tail.lastIndexOf('event: turn-end');
    outcome.ok = end !== -1 && !tail.slice(end).includes('"finishReason":"abort"');
    return;
  }
  const error = /data: \{"error":\{[^\n]*"code":"([^"]*)"/.exec(tail);
  if (error) outcome.error = error[1];
  outcome.ok = error === null && tail.includes('data: [DONE]');
}
