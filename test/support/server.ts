/**
 * A real Starling server on 127.0.0.1 (port 0) over a fresh STARLING_HOME, plus small HTTP helpers:
 * sign-up/login with cookie + CSRF, API keys, JSON requests and an SSE reader.
 */
import { createAccounts } from '../../src/accounts/index.js';
import { createStarling, type Starling, type StarlingConfig } from '../../src/engine/index.js';
import {
  defaultServerOptions,
  startServer,
  type RunningServer,
  type ServerOptions,
} from '../../src/server/index.js';
import { createTempHome } from './temp-home.js';

export interface TestServer {
  url: string;
  starling: Starling;
  server: RunningServer;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Starts a server; `env`/`config` go to createStarling, `options` override the server defaults. */
export async function startTestServer(
  input: { env?: NodeJS.ProcessEnv; config?: Partial<StarlingConfig>; options?: Partial<ServerOptions> } = {},
): Promise<TestServer> {
  const temp = await createTempHome();
  const starling = await createStarling({ home: temp.home, env: input.env ?? {}, config: input.config });
  const accounts = createAccounts(starling.store, { scryptCost: 2 ** 10 });
  const logs: Record<string, unknown>[] = [];
  const options = defaultServerOptions({
    port: 0,
    rateLimitPerIp: 100_000,
    rateLimitPerKey: 100_000,
    heartbeatSeconds: 1,
    ...input.options,
  });
  const server = await startServer({ starling, accounts, options, log: (record) => logs.push(record) });
  return {
    url: server.url,
    starling,
    server,
    logs,
    async close() {
      await server.close();
      await starling.close();
      await temp.cleanup();
    },
  };
}

/** How a test request authenticates. */
export type Auth =
  | { kind: 'anonymous' }
  | { kind: 'cookie'; cookie: string; csrfToken: string; omitCsrf?: boolean }
  | { kind: 'key'; key: string };

export const anonymous: Auth = { kind: 'anonymous' };

/** Request headers for an auth mode. */
export function authHeaders(auth: Auth, method: string): Record<string, string> {
  if (auth.kind === 'key') return { Authorization: `Bearer ${auth.key}` };
  if (auth.kind === 'cookie') {
    const headers: Record<string, string> = { Cookie: auth.cookie };
    if (method !== 'GET' && !auth.omitCsrf) headers['X-CSRF-Token'] = auth.csrfToken;
    return headers;
  }
  return {};
}

/** Sends a request; a non-string `body` is sent as JSON. */
export async function call(
  url: string,
  method: string,
  path: string,
  auth: Auth = anonymous,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...authHeaders(auth, method), ...extraHeaders };
  let payload: string | FormData | undefined;
  if (typeof body === 'string' || body instanceof FormData) payload = body;
  else if (body !== undefined) payload = JSON.stringify(body);
  if (typeof payload === 'string' && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
  return fetch(url + path, { method, headers, body: payload });
}

/** Signs up (or logs in when `login`) and returns cookie auth. */
export async function signIn(url: string, name: string, password: string, login = false) {
  const response = await call(url, 'POST', login ? '/api/auth/login' : '/api/auth/signup', anonymous, {
    name,
    password,
  });
  if (response.status >= 300) throw new Error(`sign-in ${name}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string; role: string }; csrfToken: string };
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const auth: Auth = { kind: 'cookie', cookie, csrfToken: body.csrfToken };
  return { user: body.user, auth, setCookie };
}

/** Creates an API key for a cookie-authenticated user. */
export async function createKey(
  url: string,
  auth: Auth,
  scopes?: string[],
  expiresAt?: number,
): Promise<Auth> {
  const response = await call(url, 'POST', '/api/keys', auth, { name: 'test', scopes, expiresAt });
  if (response.status !== 201) throw new Error(`create key: ${response.status} ${await response.text()}`);
  const { key } = (await response.json()) as { key: string };
  return { kind: 'key', key };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads an SSE response into events (comments counted separately); `onEvent` may abort early. */
export async function readSse(
  response: Response,
  onEvent?: (event: SseEvent) => void,
): Promise<{ events: SseEvent[]; comments: number }> {
  const events: SseEvent[] = [];
  let comments = 0;
  if (!response.body) return { events, comments };
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (frame.startsWith(':')) {
          comments += 1;
          continue;
        }
        let event = 'message';
        const data: string[] = [];
        for (const line of frame.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        const parsed: SseEvent = { event, data: JSON.parse(data.join('\n')) as unknown };
        events.push(parsed);
        onEvent?.(parsed);
      }
    }
  } catch (error) {
    // A reader that aborted on purpose ends here.
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  }
  return { events, comments };
}
