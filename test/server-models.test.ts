// Model routes over real HTTP: pulling a GGUF from a local file server (progress events, done with
// the checksum, errors as events, admin only) and testing a configured remote model against a local
// OpenAI-compatible fake (a sample on success, a clear error when the backend fails).
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../bench/support/fake-openai-server.js';
import {
  anonymous,
  call,
  createKey,
  readSse,
  signIn,
  startTestServer,
  type Auth,
  type TestServer,
} from './support/server.js';

interface ErrorBody {
  error: { code: string; message: string };
}

const file = randomBytes(400_000);
const fileSha256 = createHash('sha256').update(file).digest('hex');
const slices = 4;

/** Serves `file` at /tiny.gguf in a few slices 150 ms apart, so progress is reported more than once. */
async function startFileServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url !== '/tiny.gguf') return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-length': String(file.length) });
    const size = Math.ceil(file.length / slices);
    let index = 0;
    const next = () => {
      const part = file.subarray(index * size, (index + 1) * size);
      index += 1;
      if (index >= slices) return void response.end(part);
      response.write(part, () => setTimeout(next, 150));
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('model routes', () => {
  let server: TestServer;
  let url: string;
  let admin: Auth;
  let user: Auth;
  let files: { origin: string; close(): Promise<void> };
  let backend: FakeOpenAIServer;

  beforeAll(async () => {
    [server, files, backend] = await Promise.all([
      startTestServer(),
      startFileServer(),
      startFakeOpenAIServer({ tokens: 8 }),
    ]);
    url = server.url;
    admin = (await signIn(url, 'root', 'admin password')).auth;
    await call(url, 'PUT', '/api/admin/settings', admin, { signupOpen: true });
    user = (await signIn(url, 'ursula', 'user password')).auth;
  });

  afterAll(async () => {
    await server?.close();
    await files?.close();
    await backend?.close();
  });

  describe('POST /api/models/pull', () => {
    it('streams progress, then done with the size and sha256, and stores the file', async () => {
      const response = await call(url, 'POST', '/api/models/pull', admin, {
        source: `${files.origin}/tiny.gguf`,
        sha256: fileSha256,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const { events } = await readSse(response);
      const progress = events.filter((event) => event.event === 'progress');
      expect(progress.length).toBeGreaterThan(1);
      const received = progress.map((event) => (event.data as { received: number }).received);
      expect(received).toEqual([...received].sort((a, b) => a - b));
      expect(progress.at(-1)?.data).toEqual({ received: file.length, total: file.length });
      const last = events.at(-1);
      expect(last?.event).toBe('done');
      const done = last?.data as { path: string; bytes: number; sha256: string };
      expect(done).toMatchObject({ bytes: file.length, sha256: fileSha256 });
      expect(done.path.startsWith(server.starling.home)).toBe(true);
      expect((await readFile(done.path)).equals(file)).toBe(true);
    });

    it('ends with an error event for a missing file or a checksum mismatch', async () => {
      const missing = await call(url, 'POST', '/api/models/pull', admin, {
        source: `${files.origin}/none.gguf`,
      });
      expect(missing.status).toBe(200);
      const { events } = await readSse(missing);
      expect(events.map((event) => event.event)).toEqual(['error']);
      expect(events[0]?.data).toMatchObject({
        code: 'model_download_failed',
        message: expect.stringMatching(/404/),
      });

      const mismatch = await call(url, 'POST', '/api/models/pull', admin, {
        source: `${files.origin}/tiny.gguf`,
        sha256: '0'.repeat(64),
      });
      const last = (await readSse(mismatch)).events.at(-1);
      expect(last).toMatchObject({ event: 'error', data: { code: 'model_checksum_mismatch' } });
    });

    it('is for admins only, and validates the body before streaming', async () => {
      const body = { source: `${files.origin}/tiny.gguf` };
      const forbidden = await call(url, 'POST', '/api/models/pull', user, body);
      expect(forbidden.status).toBe(403);
      expect(((await forbidden.json()) as ErrorBody).error.code).toBe('scope_missing');
      expect((await call(url, 'POST', '/api/models/pull', anonymous, body)).status).toBe(401);
      const badSha = await call(url, 'POST', '/api/models/pull', admin, { ...body, sha256: 'abc' });
      expect(badSha.status).toBe(400);
      expect(((await badSha.json()) as ErrorBody).error.message).toMatch(/sha256/);
    });
  });

  describe('POST /api/models/{name}/test', () => {
    beforeAll(async () => {
      const added = await call(url, 'POST', '/api/models', admin, {
        name: 'fake-remote',
        provider: 'custom',
        model: 'fake',
        baseUrl: backend.baseUrl,
      });
      expect(added.status, await added.clone().text()).toBe(201);
      expect(await added.json()).toMatchObject({
        name: 'fake-remote',
        provider: 'custom',
        baseUrl: backend.baseUrl,
      });
    });

    it('generates a short sample from a working backend, for any caller with the chat scope', async () => {
      const key = await createKey(url, user, ['chat']);
      for (const auth of [user, key]) {
        backend.setBehavior({ mode: 'ok' });
        const response = await call(url, 'POST', '/api/models/fake-remote/test', auth);
        const body = (await response.json()) as { ok: boolean; model: string; text: string; ms: number };
        expect(response.status, JSON.stringify(body)).toBe(200);
        expect(body).toMatchObject({ ok: true, model: 'fake-remote' });
        // The route asks for at most four tokens.
        expect(body.text).toBe('tok0 tok1 tok2 tok3 ');
        expect(body.ms).toBeGreaterThanOrEqual(0);
      }
      const readOnly = await createKey(url, user, ['read']);
      expect((await call(url, 'POST', '/api/models/fake-remote/test', readOnly)).status).toBe(403);
    });

    it('answers 502 model_failed naming the model when the backend fails', async () => {
      backend.setBehavior({ mode: 'fail-before-first-token' });
      const response = await call(url, 'POST', '/api/models/fake-remote/test', user);
      const body = (await response.json()) as ErrorBody;
      expect(response.status).toBe(502);
      expect(body.error.code).toBe('model_failed');
      expect(body.error.message).toMatch(/fake-remote/);
      expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/);
      backend.setBehavior({ mode: 'ok' });
    });

    it('refuses unknown names and paths', async () => {
      const unknown = await call(url, 'POST', '/api/models/no-such-model/test', user);
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as ErrorBody).error.code).toMatch(/_not_found$/);
      const gguf = await call(url, 'POST', '/api/models/evil.gguf/test', user);
      expect(gguf.status).toBe(400);
    });
  });
});
