/**
 * Which tools a turn offers: the memory tools when they are on for the turn and the model can call
 * tools at all (a model that cannot is never offered them, so it is not prompted with a syntax it
 * will not follow). Also the reply metadata that records the calls.
 */
import type { ChatModelHandle } from '../../spec/model.js';
import type { ToolContext } from '../../spec/tools.js';
import type { GenerateOutcome, GenerateTools } from '../generate.js';
import type { ToolRegistry } from './tool-registry.js';

/** Rounds of tool calls per reply before the model must answer in text. */
export const MAX_TOOL_ROUNDS = 3;

export interface TurnToolsOptions {
  registry: ToolRegistry | undefined;
  handle: ChatModelHandle;
  /** The config default, overridden by the turn's option when set. */
  enabled: boolean;
  /** The user message the turn answers; without one there is nothing to cite, so no tools. */
  context: Omit<ToolContext, 'messageId'> & { messageId: string | null };
  maxRounds?: number;
}

/** The tools for one reply, or undefined when the turn offers none. */
export function turnTools(options: TurnToolsOptions): GenerateTools | undefined {
  const { registry, handle, context } = options;
  if (!options.enabled || registry === undefined || handle.toolCalls !== true || context.messageId === null) {
    return undefined;
  }
  const turn = registry.turn({ ...context, messageId: context.messageId });
  return {
    definitions: registry.providerTools(),
    execute: (call) => turn.execute(call),
    maxRounds: options.maxRounds ?? MAX_TOOL_ROUNDS,
  };
}

/** `meta.tools` for the stored reply: what was called and what it changed (ids, never remembered text). */
export function toolMeta(outcome: GenerateOutcome): Record<string, unknown> {
  return outcome.toolCalls === undefined || outcome.toolCalls.length === 0
    ? {}
    : { tools: outcome.toolCalls };
}
