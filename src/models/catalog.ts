/**
 * Models Starling knows how to download by name. Unknown sizes and checksums stay null rather than
 * guessed; `pullModel` then verifies against the server's Content-Length only.
 */
import { join } from 'node:path';

export interface CatalogEntry {
  /** Name used on the command line: `starling models pull <name>`. */
  name: string;
  description: string;
  /** File name under `<home>/models/`. */
  fileName: string;
  url: string;
  license: string;
  languages: readonly string[];
  /** Bytes of the file, when known. */
  sizeBytes: number | null;
  /** Lowercase hex sha256 of the file, when known. */
  sha256: string | null;
  /** Context the model was trained for, in tokens. */
  contextSize: number;
}

/** The embedded default: small enough for a laptop CPU, good at both Chinese and English. */
export const defaultModelName = 'qwen2.5-1.5b-instruct';

export const modelCatalog: readonly CatalogEntry[] = [
  {
    name: defaultModelName,
    description: 'Qwen2.5 1.5B Instruct, Q4_K_M quantisation (Alibaba Qwen team)',
    fileName: 'qwen2.5-1.5b-instruct-q4_k_m.gguf',
    url: 'https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/qwen2.5-1.5b-instruct-q4_k_m.gguf',
    license: 'Apache-2.0',
    languages: ['zh', 'en'],
    sizeBytes: null,
    sha256: null,
    contextSize: 32768,
  },
];

/** The catalog entry named `name` (case-insensitive), or null. */
export function findCatalogEntry(name: string): CatalogEntry | null {
  const wanted = name.trim().toLowerCase();
  return modelCatalog.find((entry) => entry.name === wanted) ?? null;
}

/** Where a catalog model lives once pulled: `<home>/models/<fileName>`. */
export function catalogModelPath(home: string, entry: CatalogEntry): string {
  return join(home, 'models', entry.fileName);
}
