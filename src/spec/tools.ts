/**
 * The tool contract: what a model may call during a turn. A tool has a name, a description, a zod
 * input schema (sent to the model as JSON schema), a permission level and `execute`. Tools are run
 * by a registry that validates every call first, so a tool's `execute` only ever sees input its
 * schema accepted; anything wrong with a call becomes a {@link ToolErrorResult} for the model, never
 * an exception in the turn and never a write.
 */
import type { z } from 'zod';

/** A JSON value, as tool results are sent to the model. */
export type ToolJson = null | boolean | number | string | ToolJson[] | { [key: string]: ToolJson };

/** `read`: looks things up; `write`: changes stored state (counted against the turn's write limit). */
export type ToolPermission = 'read' | 'write';

/** Who and where a call runs for; every tool scopes what it touches to this owner and character. */
export interface ToolContext {
  ownerId: string;
  characterId: string;
  sessionId: string;
  /** The user message this turn answers (facts a tool writes cite it). */
  messageId: string;
  /** Unix ms, the turn's clock. */
  now: number;
  signal?: AbortSignal;
  /** Told when a tool's output was withheld for carrying instructions (the turn audits it). */
  onWithheld?: (toolName: string, withheld: { rules: string[]; reason: string; spans: string[] }) => void;
}

/** One tool. `execute` may throw a {@link ToolRefusal} to refuse with a reason the model sees. */
export interface ToolDefinition<Input = unknown> {
  /** `^[a-zA-Z][a-zA-Z0-9_-]{0,63}$`, unique in a registry. */
  name: string;
  /** For the model: what it does and when to call it. */
  description: string;
  /** Strict input schema; its JSON schema is what the model is shown. */
  inputSchema: z.ZodType<Input>;
  permission: ToolPermission;
  execute(input: Input, context: ToolContext): Promise<ToolOutput>;
}

/** What a tool returns: the JSON for the model and a short record for the reply's metadata. */
export interface ToolOutput {
  result: ToolJson;
  /**
   * What the turn keeps about the call (e.g. memory ids and actions). It is stored in the reply's
   * metadata, so it must not copy remembered text: a memory forgotten later must not live on there.
   */
  summary?: Record<string, ToolJson>;
}

/** Why a call was not run or failed; stable codes the model and the record see. */
export type ToolErrorCode =
  | 'tool_unknown'
  | 'tool_input_not_json'
  | 'tool_input_invalid'
  | 'tool_input_too_large'
  | 'tool_limit_reached'
  | 'tool_refused'
  | 'tool_failed'
  | 'tool_aborted';

/** A model's request to call a tool, as the provider streamed it (input is the raw JSON text). */
export interface ToolCallRequest {
  id: string;
  name: string;
  input: string;
}

export interface ToolSuccessResult {
  ok: true;
  callId: string;
  name: string;
  /** The validated input, as the tool received it. */
  input: unknown;
  result: ToolJson;
  summary: Record<string, ToolJson>;
}

export interface ToolErrorResult {
  ok: false;
  callId: string;
  name: string;
  /** The parsed input when it was JSON, else undefined. */
  input: unknown;
  error: { code: ToolErrorCode; message: string };
}

export type ToolResult = ToolSuccessResult | ToolErrorResult;

const refusalMarker = Symbol.for('starling.tool-refusal');

/** Thrown by a tool to refuse a call (not found, not allowed, too broad); the message goes to the model. */
export class ToolRefusal extends Error {
  readonly [refusalMarker] = true;

  constructor(message: string) {
    super(message);
    this.name = 'ToolRefusal';
  }

  /** True for any ToolRefusal, also across duplicated module instances. */
  static isInstance(value: unknown): value is ToolRefusal {
    return typeof value === 'object' && value !== null && refusalMarker in value;
  }
}

/** Defines a tool with its input type inferred from the schema. */
export function defineTool<Schema extends z.ZodType>(
  tool: Omit<ToolDefinition<z.infer<Schema>>, 'inputSchema'> & { inputSchema: Schema },
): ToolDefinition<z.infer<Schema>> {
  return tool as ToolDefinition<z.infer<Schema>>;
}
