/**
 * A local OpenAI-compatible chat backend for fault tests and the load bench: emits tokens at a fixed
 * rate, can stamp each token with its send time, and can fail before the first token, fail mid-stream
 * or hang. A `script` can answer a request with chosen text and streamed tool calls (tool tests).
 * Loopback only; behaviour can be changed between requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export type FakeBackendMode = 'ok' | 'fail-before-first-token' | 'fail-mid-stream' | 'hang';

/** A scripted streamed answer: tool calls (arguments sent in two fragments) and/or text. */
export interface FakeScriptedReply {
  text?: string;
  toolCalls?: { id?: string; name: string; arguments: string }[];
}

/** A chat request as the fake received it (the parsed JSON body). */
export type FakeChatRequest = Record<string, unknown>;

export interface FakeBackendBehavior {
  mode: FakeBackendMode;
  /** Tokens per second per stream; 0 sends them back to back. */
  tokensPerSecond: number;
  /** Tokens in a full reply (less when the request's max_tokens is lower). */
  tokens: number;
  /** `fail-mid-stream`: tokens sent before the connection is cut. */
  failAfterTokens: number;
  /** Token text carries its send time, `<ms since epoch, 3 decimals>`, for latency measurement. */
  stampTokens: boolean;
  /**
   * Start each stream's token clock at a random point of one interval, so that streams opened
   * together do not send their tokens in aligned bursts (load bench).
   */
  staggerTokens: boolean;
  /** Answers streamed requests when set and it returns a reply (else the token behaviour applies). */
  script?: (request: FakeChatRequest, index: number) => FakeScriptedReply | null;
}

export interface FakeOpenAIServer {
  /** Base URL including `/v1`. */
  readonly baseUrl: string;
  /** Chat requests received so far. */
  readonly requests: () => number;
  /** Streams being sent (or hanging) right now. */
  readonly active: () => number;
  /** Bodies of the chat requests received so far, oldest first. */
  readonly bodies: () => FakeChatRequest[];
  setBehavior(patch: Partial<FakeBackendBehavior>): void;
  close(): Promise<void>;
}

const defaultBehavior: FakeBackendBehavior = {
  mode: 'ok',
  tokensPerSecond: 0,
  tokens: 8,
  failAfterTokens: 2,
  stampTokens: false,
  staggerTokens: false,
};

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one host. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Reads the send times stamped into token text. */
export function readStamps(text: string): number[] {
  return [...text.matchAll(/<(\d+\.\d{3})>/g)].map((match) => Number(match[1]));
}

/** Starts the fake backend on 127.0.0.1 (port 0: any free port). */
export async function startFakeOpenAIServer(
  initial: Partial<FakeBackendBehavior> = {},
  port = 0,
): Promise<FakeOpenAIServer> {
  let behavior: FakeBackendBehavior = { ...defaultBehavior, ...initial };
  let requests = 0;
  let active = 0;
  const bodies: FakeChatRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? '';
    if (request.method === 'GET' && url.endsWith('/models')) {
      return json(response, 200, {
        object: 'list',
        data: [{ id: 'fake', object: 'model', created: 0, owned_by: 'fake' }],
      });
    }
    if (request.method !== 'POST' || !url.endsWith('/chat/completions')) {
      return json(response, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
    }
    requests += 1;
    const body = (await readJson(request)) as {
      stream?: boolean;
      max_tokens?: number;
      max_completion_tokens?: number;
    };
    bodies.push(body as FakeChatRequest);
    const current = behavior;
    const scripted =
      body.stream === true ? current.script?.(body as FakeChatRequest, bodies.length - 1) : null;
    if (scripted) return sendScripted(response, scripted);
    if (current.mode === 'fail-before-first-token') {
      return json(response, 500, { error: { message: 'fake backend failure', type: 'server_error' } });
    }
    active += 1;
    response.on('close', () => (active -= 1));
    if (current.mode === 'hang') return; // Never answers; the socket stays open until close().
    const limit = body.max_completion_tokens ?? body.max_tokens ?? current.tokens;
    const count = Math.max(1, Math.min(current.tokens, limit));
    const token = (index: number): string =>
      current.stampTokens ? `<${preciseNow().toFixed(3)}> ` : `tok${index} `;
    if (body.stream !== true) {
      const text = Array.from({ length: count }, (_, index) => token(index)).join('');
      return json(response, 200, completion(text, count));
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const interval = current.tokensPerSecond > 0 ? 1000 / current.tokensPerSecond : 0;
    const started = performance.now() + (current.staggerTokens ? Math.random() * interval : 0);
    for (let index = 0; index < count; index++) {
      // Scheduled against the stream's start, so timer drift does not slow the rate down.
      const wait = started + index * interval - performance.now();
      if (wait > 0) await delay(wait);
      if (response.destroyed) return;
      if (current.mode === 'fail-mid-stream' && index >= current.failAfterTokens) {
        response.destroy();
        return;
      }
      response.write(`data: ${JSON.stringify(chunk({ content: token(index) }, null))}\n\n`);
    }
    response.write(`data: ${JSON.stringify(chunk({}, 'stop'))}\n\n`);
    response.write(
      `data: ${JSON.stringify({ ...chunk({}, null), choices: [], usage: usage(count) })}\n\ndata: [DONE]\n\n`,
    );
    response.end();
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    baseUrl: `http://127.0.0.1:${boundPort}/v1`,
    requests: () => requests,
    active: () => active,
    bodies: () => [...bodies],
    setBehavior(patch) {
      behavior = { ...behavior, ...patch };
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Streams a scripted reply: each tool call's arguments in two fragments, then the text, then the finish. */
function sendScripted(response: ServerResponse, reply: FakeScriptedReply): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (delta: Record<string, unknown>, finish: string | null = null) =>
    response.write(`data: ${JSON.stringify(chunk(delta, finish))}\n\n`);
  const calls = reply.toolCalls ?? [];
  calls.forEach((call, index) => {
    const half = Math.floor(call.arguments.length / 2);
    const id = call.id ?? `call_${index}`;
    send({
      tool_calls: [
        {
          index,
          id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments.slice(0, half) },
        },
      ],
    });
    send({ tool_calls: [{ index, function: { arguments: call.arguments.slice(half) } }] });
  });
  for (const word of (reply.text ?? '').split(/(?<= )/)) if (word !== '') send({ content: word });
  send({}, calls.length > 0 ? 'tool_calls' : 'stop');
  response.end(
    `data: ${JSON.stringify({ ...chunk({}, null), choices: [], usage: usage(calls.length + 1) })}\n\ndata: [DONE]\n\n`,
  );
}

function chunk(delta: Record<string, unknown>, finishReason: string | null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: 'fake',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

function completion(text: string, tokens: number) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: usage(tokens),
  };
}

function usage(completionTokens: number) {
  return { prompt_tokens: 10, completion_tokens: completionTokens, total_tokens: 10 + completionTokens };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
  } catch {
    return {};
  }
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
