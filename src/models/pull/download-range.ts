/** HTTP helpers for resumable downloads: the Range request and reading the reply's extent. */
import { StarlingError } from '../../spec/errors.js';

export interface RangeReply {
  response: Response;
  /** Byte offset the body starts at: the resume point for 206, 0 for a full 200 reply. */
  start: number;
  /** Size of the whole file when the server says it, else null. */
  total: number | null;
}

function downloadFailed(url: string, message: string, cause?: unknown): StarlingError {
  return new StarlingError('model_download_failed', `Download of ${url} failed: ${message}`, {
    cause,
    details: { url },
  });
}

function parseContentRange(header: string | null): { start: number; total: number | null } | null {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header?.trim() ?? '');
  if (match === null) return null;
  return { start: Number(match[1]), total: match[2] === '*' ? null : Number(match[2]) };
}

function totalFromUnsatisfiable(header: string | null): number | null {
  const match = /^bytes \*\/(\d+)$/.exec(header?.trim() ?? '');
  return match === null ? null : Number(match[1]);
}

/**
 * Requests `url` from byte `offset`. Returns null when the server answers 416 and says the file is
 * exactly `offset` bytes long, i.e. the partial file is already complete.
 */
export async function requestFrom(
  url: string,
  offset: number,
  fetchImpl: typeof fetch,
  signal: AbortSignal | undefined,
): Promise<RangeReply | null> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
      signal,
      redirect: 'follow',
    });
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw downloadFailed(url, `could not connect (${String(error)})`, error);
  }
  if (response.status === 416 && offset > 0) {
    await response.body?.cancel();
    if (totalFromUnsatisfiable(response.headers.get('content-range')) === offset) return null;
    throw downloadFailed(url, 'the server rejected the resume range; delete the .part file and pull again');
  }
  if (response.status === 206) {
    const range = parseContentRange(response.headers.get('content-range'));
    if (range === null || range.start !== offset) {
      await response.body?.cancel();
      throw downloadFailed(
        url,
        `the server answered a different range (${response.headers.get('content-range') ?? 'none'})`,
      );
    }
    return { response, start: offset, total: range.total };
  }
  if (response.status === 200) {
    const length = response.headers.get('content-length');
    return { response, start: 0, total: length === null ? null : Number(length) };
  }
  await response.body?.cancel();
  throw downloadFailed(url, `HTTP ${response.status} ${response.statusText}`.trim());
}

export { downloadFailed };
