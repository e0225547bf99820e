/**
 * Hard limits on everything the card importer reads. Each one is far above what real cards use
 * (the largest card in the test corpus is 3.7 MB, mostly one unknown 3.4 MB chunk) and low enough
 * that a hostile file cannot make one import use more than a few hundred MB or run for long.
 * docs/decisions/0002-card-formats-and-limits.md explains each number.
 */
const MiB = 1024 * 1024;

export interface CardLimits {
  /** Any input file (PNG, JSON, CHARX), in bytes. */
  maxFileBytes: number;
  /** Chunks in one PNG (APNG frames take two chunks each). */
  maxPngChunks: number;
  /** One PNG chunk's data, in bytes. */
  maxPngChunkBytes: number;
  /** A card or lorebook JSON document after base64 / inflate, in bytes. */
  maxCardJsonBytes: number;
  /** Nesting of arrays and objects in that JSON (keeps later JSON.stringify off the stack limit). */
  maxJsonDepth: number;
  /** Entries in one lorebook. */
  maxLorebookEntries: number;
  /** Characters of one lorebook entry's content. */
  maxEntryContentChars: number;
  /** Keys (primary plus secondary) of one lorebook entry. */
  maxKeysPerEntry: number;
  /** Files in one CHARX zip. */
  maxZipEntries: number;
  /** All files of one CHARX zip together, uncompressed, in bytes. */
  maxZipTotalBytes: number;
  /** One file of a CHARX zip, uncompressed, in bytes. */
  maxZipEntryBytes: number;
  /** Uncompressed / compressed size allowed for one zip file once it is over `zipRatioFloorBytes`. */
  maxCompressionRatio: number;
  /** Below this uncompressed size a zip file may compress arbitrarily well (tiny files of zeros do). */
  zipRatioFloorBytes: number;
  /** Warnings kept per import; the rest are counted in one last warning. */
  maxWarnings: number;
}

/** The limits importFile enforces unless a caller passes stricter ones. */
export const CARD_LIMITS: Readonly<CardLimits> = Object.freeze({
  maxFileBytes: 64 * MiB,
  maxPngChunks: 20_000,
  maxPngChunkBytes: 32 * MiB,
  maxCardJsonBytes: 16 * MiB,
  maxJsonDepth: 100,
  maxLorebookEntries: 20_000,
  maxEntryContentChars: 1_000_000,
  maxKeysPerEntry: 1_000,
  maxZipEntries: 2_000,
  maxZipTotalBytes: 256 * MiB,
  maxZipEntryBytes: 64 * MiB,
  maxCompressionRatio: 200,
  zipRatioFloorBytes: 1 * MiB,
  maxWarnings: 200,
});

/** Formats a byte count for error messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
