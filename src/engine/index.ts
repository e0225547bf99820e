export { createStarling, type Starling, type StarlingOptions } from './starling.js';
export { createChatService, type ChatService } from './chat-service.js';
export { runExternalTurn, resolveExternalSession } from './external-turn.js';
export { importFiles, type ImportInput, type ImportOutcome } from './importer.js';
export { resolveHome, loadConfig, saveConfig, type StarlingConfig } from './home.js';
export type { MemoryService, MemoryView, MemoryListOptions, MemoryExport } from './memory-service.js';
export type * from './events.js';
export {
  createToolRegistry,
  DEFAULT_TOOL_LIMITS,
  type ToolRegistry,
  type ToolLimits,
} from './tools/tool-registry.js';
export { memoryTools, MEMORY_TOOL_LIMITS } from './tools/memory-tools.js';
