/** Character cards and lorebooks: import from PNG/APNG, JSON and CHARX; export to the same. */
export { importFile, type ImportOptions, type ImportResult } from './import.js';
export { emptyCard, exportCard, type ExportFormat } from './export.js';
export { toV2Object, toV3Object } from './card-objects.js';
export { lorebookToV3Object } from './lore-export.js';
export { CARD_LIMITS, type CardLimits } from './limits.js';
