/**
 * Downloads a GGUF (a catalog name or an http(s) URL) into the models folder: streamed to
 * `<file>.part`, resumed with a Range request after an interruption, verified (size, sha256 when
 * known) and renamed into place only when complete.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { StarlingError } from '../../spec/errors.js';
import { findCatalogEntry } from '../catalog.js';
import { downloadFailed, requestFrom } from './download-range.js';

export interface PullProgress {
  received: number;
  total: number | null;
}

export interface PullModelOptions {
  modelsDir: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  /** Lowercase hex; default: the catalog entry's, when known. */
  expectedSha256?: string | null;
  expectedSize?: number | null;
}

export interface PullResult {
  path: string;
  bytes: number;
  sha256: string;
  /** True when an earlier partial download was continued. */
  resumed: boolean;
}

interface PullTarget {
  url: string;
  fileName: string;
  sha256: string | null;
  size: number | null;
}

function targetFor(source: string, options: PullModelOptions): PullTarget {
  const entry = findCatalogEntry(source);
  if (entry !== null) {
    return {
      url: entry.url,
      fileName: entry.fileName,
      sha256: options.expectedSha256 ?? entry.sha256,
      size: options.expectedSize ?? entry.sizeBytes,
    };
  }
  if (/^https?:\/\//i.test(source)) {
    const fileName = basename(decodeURIComponent(new URL(source).pathname));
    if (fileName === '' || fileName === '/') {
      throw new StarlingError('model_source_invalid', `The URL ${source} does not end in a file name.`);
    }
    return {
      url: source,
      fileName,
      sha256: options.expectedSha256 ?? null,
      size: options.expectedSize ?? null,
    };
  }
  throw new StarlingError(
    'model_not_found',
    `"${source}" is neither a catalog model nor an http(s) URL; run \`starling models list\` for the catalog.`,
    { details: { source } },
  );
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
}

async function verify(
  target: PullTarget,
  path: string,
  bytes: number,
  total: number | null,
  sha256: string,
): Promise<void> {
  const expectedSize = target.size ?? total;
  if (expectedSize !== null && bytes !== expectedSize) {
    throw new StarlingError(
      'model_size_mismatch',
      `Downloaded ${bytes} bytes from ${target.url}, expected ${expectedSize}; run the pull again to resume.`,
      {
        details: { url: target.url, bytes, expectedSize },
      },
    );
  }
  if (target.sha256 !== null && sha256 !== target.sha256.toLowerCase()) {
    await rm(path, { force: true });
    throw new StarlingError(
      'model_checksum_mismatch',
      `The file from ${target.url} has sha256 ${sha256}, expected ${target.sha256}; the partial file was deleted, pull again.`,
      { details: { url: target.url, sha256, expected: target.sha256 } },
    );
  }
}

/** Downloads (or resumes) a model file and returns where it is, its size and its sha256. */
export async function pullModel(source: string, options: PullModelOptions): Promise<PullResult> {
  const target = targetFor(source, options);
  const fetchImpl = options.fetch ?? fetch;
  await mkdir(options.modelsDir, { recursive: true });
  const finalPath = join(options.modelsDir, target.fileName);
  const partPath = `${finalPath}.part`;

  const existing = await sizeOf(finalPath);
  if (existing !== null) {
    const hash = createHash('sha256');
    await hashFile(finalPath, hash);
    const sha256 = hash.digest('hex');
    await verify(target, finalPath, existing, null, sha256);
    return { path: finalPath, bytes: existing, sha256, resumed: false };
  }

  const offset = (await sizeOf(partPath)) ?? 0;
  const reply = await requestFrom(target.url, offset, fetchImpl, options.signal);
  const start = reply?.start ?? offset;
  const total = reply === null ? offset : reply.total;
  const hash = createHash('sha256');
  if (start > 0) await hashFile(partPath, hash);
  let received = start;

  if (reply !== null) {
    const body = reply.response.body;
    if (body === null) throw downloadFailed(target.url, 'the response has no body');
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        received += chunk.length;
        options.onProgress?.({ received, total });
        callback(null, chunk);
      },
    });
    try {
      await pipeline(
        Readable.fromWeb(body as WebReadableStream<Uint8Array>),
        meter,
        createWriteStream(partPath, { flags: start > 0 ? 'a' : 'w' }),
        { signal: options.signal },
      );
    } catch (error) {
      if (options.signal?.aborted === true) throw error;
      throw downloadFailed(
        target.url,
        `interrupted after ${received} bytes; run the pull again to resume`,
        error,
      );
    }
  }

  const sha256 = hash.digest('hex');
  await verify(target, partPath, received, total, sha256);
  await rename(partPath, finalPath);
  return { path: finalPath, bytes: received, sha256, resumed: start > 0 };
}
