import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StarlingError } from '../../spec/errors.js';
import { pullModel } from './pull-model.js';

const file = randomBytes(256 * 1024 + 123);
const sha256 = createHash('sha256').update(file).digest('hex');
const ranges: (string | undefined)[] = [];
let server: Server;
let origin: string;
let directory: string;
/** How the next request to /cut.gguf is answered. */
let cutNext = true;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'starling-pull-'));
  server = createServer((request, response) => {
    const range = request.headers.range;
    if (request.url === '/missing.gguf') {
      response.writeHead(404).end('not found');
      return;
    }
    ranges.push(range);
    if (request.url === '/cut.gguf' && cutNext) {
      cutNext = false;
      response.writeHead(200, { 'content-length': file.length });
      response.write(file.subarray(0, 100_000), () => {
        setTimeout(() => response.socket?.destroy(), 50);
      });
      return;
    }
    const match = /^bytes=(\d+)-$/.exec(range ?? '');
    if (match !== null && request.url !== '/no-range.gguf') {
      const start = Number(match[1]);
      response.writeHead(206, {
        'content-length': file.length - start,
        'content-range': `bytes ${start}-${file.length - 1}/${file.length}`,
      });
      response.end(file.subarray(start));
      return;
    }
    response.writeHead(200, { 'content-length': file.length });
    response.end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(directory, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<StarlingError> {
  try {
    await promise;
  } catch (error) {
    if (StarlingError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a StarlingError');
}

describe('pullModel', () => {
  it('resumes an interrupted download with a Range request and verifies the sha256', async () => {
    const modelsDir = join(directory, 'resume');
    const first = await errorOf(pullModel(`${origin}/cut.gguf`, { modelsDir }));
    expect(first.code).toBe('model_download_failed');
    const partial = (await stat(join(modelsDir, 'cut.gguf.part'))).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(file.length);

    const progress: number[] = [];
    const result = await pullModel(`${origin}/cut.gguf`, {
      modelsDir,
      expectedSha256: sha256,
      onProgress: ({ received }) => progress.push(received),
    });
    expect(ranges.at(-1)).toBe(`bytes=${partial}-`);
    expect(result).toEqual({ path: join(modelsDir, 'cut.gguf'), bytes: file.length, sha256, resumed: true });
    expect((await readFile(result.path)).equals(file)).toBe(true);
    expect(progress.at(-1)).toBe(file.length);
    await expect(stat(join(modelsDir, 'cut.gguf.part'))).rejects.toThrow();
  });

  it('starts over when the server ignores the Range header', async () => {
    const modelsDir = join(directory, 'no-range');
    cutNext = true;
    await errorOf(pullModel(`${origin}/cut.gguf`, { modelsDir }));
    await rm(join(modelsDir, 'cut.gguf.part'));
    const result = await pullModel(`${origin}/no-range.gguf`, { modelsDir, expectedSize: file.length });
    expect(result.sha256).toBe(sha256);
    expect(result.resumed).toBe(false);
  });

  it('rejects a checksum mismatch and deletes the bad file', async () => {
    const modelsDir = join(directory, 'checksum');
    const error = await errorOf(
      pullModel(`${origin}/good.gguf`, { modelsDir, expectedSha256: '0'.repeat(64) }),
    );
    expect(error.code).toBe('model_checksum_mismatch');
    await expect(stat(join(modelsDir, 'good.gguf.part'))).rejects.toThrow();
    await expect(stat(join(modelsDir, 'good.gguf'))).rejects.toThrow();
  });

  it('reports an HTTP error', async () => {
    const error = await errorOf(
      pullModel(`${origin}/missing.gguf`, { modelsDir: join(directory, 'missing') }),
    );
    expect(error.code).toBe('model_download_failed');
    expect(error.message).toContain('404');
  });

  it('rejects a source that is neither a catalog name nor a URL', async () => {
    expect((await errorOf(pullModel('no-such-model', { modelsDir: directory }))).code).toBe(
      'model_not_found',
    );
  });
});
