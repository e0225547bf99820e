/**
 * A bounded zip reader for CHARX. It lists files from the central directory, rejects unsafe paths
 * before inflating anything, and inflates each file with a hard output cap, never trusting the
 * declared sizes; declared size and CRC are then checked against what was really inflated.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { cardError, type ImportContext } from './context.js';
import { formatBytes } from './limits.js';

export interface ZipFile {
  path: string;
  data: Uint8Array;
}

interface DirectoryEntry {
  path: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const utf8 = new TextDecoder('utf-8');

/** True when the bytes start like a zip file. */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  );
}

const invalid = (message: string): Error => cardError('charx_invalid', message);
const bomb = (message: string, limit: string): Error => cardError('charx_zip_bomb', message, { limit });

function view(bytes: Uint8Array, offset: number, length: number): DataView {
  if (offset < 0 || offset + length > bytes.length) throw invalid('the zip file is truncated or corrupt');
  return new DataView(bytes.buffer, bytes.byteOffset + offset, length);
}

/** Rejects paths that could escape an extraction folder, whatever a later consumer does with them. */
export function checkZipPath(path: string): void {
  const segments = path.split('/');
  const unsafe =
    path.includes('\\') ||
    path.includes('\0') ||
    path.startsWith('/') ||
    /^[A-Za-z]:/.test(path) ||
    segments.some((segment) => segment === '..' || segment === '.');
  if (unsafe) {
    throw cardError(
      'charx_path_traversal',
      `the zip contains an unsafe path ${JSON.stringify(path.slice(0, 200))}`,
      {
        path,
      },
    );
  }
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= earliest; offset -= 1) {
    if (view(bytes, offset, 4).getUint32(0, true) === END_OF_DIRECTORY) return offset;
  }
  throw invalid('the file is not a complete zip (no end-of-central-directory record)');
}

function readDirectory(context: ImportContext, bytes: Uint8Array): DirectoryEntry[] {
  const end = view(bytes, findEndOfDirectory(bytes), 22);
  const count = end.getUint16(10, true);
  const directoryOffset = end.getUint32(16, true);
  if (end.getUint16(4, true) !== 0 || end.getUint16(6, true) !== 0)
    throw invalid('multi-part zips are not supported');
  if (count === 0xffff || directoryOffset === 0xffffffff) throw invalid('ZIP64 archives are not supported');
  if (count > context.limits.maxZipEntries) {
    throw bomb(`the zip has ${count} files; the limit is ${context.limits.maxZipEntries}`, 'maxZipEntries');
  }
  const entries: DirectoryEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    const header = view(bytes, offset, 46);
    if (header.getUint32(0, true) !== DIRECTORY_ENTRY) throw invalid('the zip central directory is corrupt');
    const nameLength = header.getUint16(28, true);
    const skip = header.getUint16(30, true) + header.getUint16(32, true);
    view(bytes, offset + 46, nameLength + skip);
    const path = utf8.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({
      path,
      flags: header.getUint16(8, true),
      method: header.getUint16(10, true),
      crc: header.getUint32(16, true),
      compressedSize: header.getUint32(20, true),
      size: header.getUint32(24, true),
      localOffset: header.getUint32(42, true),
    });
    offset += 46 + nameLength + skip;
  }
  return entries;
}

function compressedData(bytes: Uint8Array, entry: DirectoryEntry): Uint8Array {
  const local = view(bytes, entry.localOffset, 30);
  if (local.getUint32(0, true) !== LOCAL_HEADER)
    throw invalid(`the zip entry ${entry.path} has no local header`);
  const start = entry.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  view(bytes, start, entry.compressedSize);
  return bytes.subarray(start, start + entry.compressedSize);
}

function inflateEntry(
  context: ImportContext,
  data: Uint8Array,
  entry: DirectoryEntry,
  budget: number,
): Uint8Array {
  const { maxZipEntryBytes, maxCompressionRatio, zipRatioFloorBytes } = context.limits;
  const ratioCap = Math.max(zipRatioFloorBytes, data.length * maxCompressionRatio);
  const cap = Math.min(maxZipEntryBytes, budget, ratioCap);
  if (entry.size > cap) {
    throw bomb(
      `the zip entry ${entry.path} declares ${formatBytes(entry.size)}, over the limits`,
      'maxZipEntryBytes',
    );
  }
  // Copies, so the result never keeps the whole input file alive or shares its memory.
  if (entry.method === 0) return data.slice();
  try {
    const inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
    return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
  } catch (error) {
    if (error instanceof RangeError) {
      const limit =
        cap === ratioCap ? 'maxCompressionRatio' : cap === budget ? 'maxZipTotalBytes' : 'maxZipEntryBytes';
      throw bomb(`the zip entry ${entry.path} inflates past ${formatBytes(cap)} (${limit})`, limit);
    }
    throw invalid(`the zip entry ${entry.path} holds corrupt compressed data`);
  }
}

/** Reads every file of a zip under the limits. Directories are skipped. */
export function readZip(context: ImportContext, bytes: Uint8Array): ZipFile[] {
  const entries = readDirectory(context, bytes).filter((entry) => !entry.path.endsWith('/'));
  const seen = new Set<string>();
  for (const entry of entries) {
    checkZipPath(entry.path);
    if (seen.has(entry.path)) throw invalid(`the zip holds ${entry.path} twice`);
    seen.add(entry.path);
    if ((entry.flags & 1) !== 0) throw invalid(`the zip entry ${entry.path} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) {
      throw invalid(`the zip entry ${entry.path} uses unsupported compression method ${entry.method}`);
    }
  }
  let total = 0;
  return entries.map((entry) => {
    const data = inflateEntry(
      context,
      compressedData(bytes, entry),
      entry,
      context.limits.maxZipTotalBytes - total,
    );
    if (data.length !== entry.size) throw invalid(`the zip entry ${entry.path} is not the size it declares`);
    if (crc32(data) !== entry.crc) throw invalid(`the zip entry ${entry.path} fails its CRC check`);
    total += data.length;
    return { path: entry.path, data };
  });
}
