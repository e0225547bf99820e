/**
 * Starling's internal character model. Every card format (V1, V2, V3; PNG, JSON, CHARX) is
 * normalised to this shape on import and produced from it on export. Field names are camelCase;
 * the card-spec names they map to are given where they differ.
 */
import type { Lorebook } from './lorebook.js';

export interface CharacterAsset {
  /** `icon`, `background`, `emotion`, `user_icon`, `x-…` (card spec `type`). */
  type: string;
  /** `embeded://path`, `ccdefault:`, `data:` or `https:` URI as given by the card. */
  uri: string;
  name: string;
  /** File extension without the dot, e.g. `png`. */
  ext: string;
}

/** Binary payload of an asset carried inside a CHARX file or the PNG itself, keyed by asset path. */
export type AssetFiles = Map<string, Uint8Array>;

export interface CharacterCard {
  name: string;
  nickname: string;
  description: string;
  personality: string;
  scenario: string;
  /** `first_mes`. */
  firstMessage: string;
  alternateGreetings: string[];
  groupOnlyGreetings: string[];
  /** `mes_example`: example dialogues, `<START>`-separated. */
  exampleDialogues: string;
  systemPrompt: string;
  postHistoryInstructions: string;
  creatorNotes: string;
  /** Language code -> notes. */
  creatorNotesMultilingual: Record<string, string>;
  tags: string[];
  creator: string;
  characterVersion: string;
  /** Unknown keys are kept verbatim and written back on export. */
  extensions: Record<string, unknown>;
  assets: CharacterAsset[];
  source: string[];
  /** Unix seconds, when the card gives them. */
  creationDate: number | null;
  modificationDate: number | null;
  /** The embedded lorebook (`character_book`), if any. */
  lorebook: Lorebook | null;
}

/** A non-fatal problem found while importing: the card was accepted, with this caveat. */
export interface ImportWarning {
  code: string;
  message: string;
  /** JSON path or file-level location, e.g. `data.alternate_greetings`. */
  path?: string;
}
