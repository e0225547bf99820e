// `starling models pull <url>` against a local HTTP server: progress on stderr, JSON on stdout,
// the file verified by checksum and placed under STARLING_HOME/models.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { createTempHome } from './support/temp-home.js';

describe('starling models pull', () => {
  const body = Buffer.alloc(300_000, 7);
  let server: Server;
  let base: string;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url !== '/files/model.gguf') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-length': String(body.length) }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    env = { STARLING_HOME: temp.home };
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await cleanup();
  });

  it('downloads, verifies and reports the file', async () => {
    const sha256 = createHash('sha256').update(body).digest('hex');
    const result = await runCli(
      ['models', 'pull', `${base}/files/model.gguf`, '--sha256', sha256, '--json'],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    const pulled = JSON.parse(result.stdout) as { path: string; bytes: number; sha256: string };
    expect(pulled).toMatchObject({ bytes: body.length, sha256 });
    expect(pulled.path.startsWith(env.STARLING_HOME!)).toBe(true);
    expect((await readFile(pulled.path)).equals(body)).toBe(true);
  });

  it('fails with one error line on a checksum mismatch or a missing file', async () => {
    const mismatch = await runCli(
      ['models', 'pull', `${base}/files/model.gguf`, '--sha256', '0'.repeat(64)],
      env,
    );
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr.trim().split('\n').at(-1)).toMatch(/^error: model_checksum_mismatch: /);
    const missing = await runCli(['models', 'pull', `${base}/files/none.gguf`], env);
    expect(missing.stderr.trim().split('\n').at(-1)).toMatch(/^error: model_download_failed: .*404/);
  });
});
