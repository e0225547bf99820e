/**
 * The tool registry: the tools a turn may offer, their JSON schemas for the model, and the one place
 * a model's call is checked before anything runs. Unknown tool, input that is not JSON, too large or
 * rejected by the schema, a turn over its call or write limits: each is an error result for the
 * model, and nothing runs. A tool that refuses or fails gives an error result too; nothing a call
 * does can throw into the turn. Results are untrusted data: output that reads like instructions
 * to the model is wrapped with a warning before the model sees it.
 */
import type { JSONSchema7, LanguageModelV3FunctionTool } from '@ai-sdk/provider';
import { z } from 'zod';
import { screenToolOutput } from '../untrusted-scan.js';
import type {
  ToolCallRequest,
  ToolContext,
  ToolDefinition,
  ToolErrorCode,
  ToolErrorResult,
  ToolResult,
} from '../../spec/tools.js';
import { ToolRefusal } from '../../spec/tools.js';
import { StarlingError } from '../../spec/errors.js';

/** Bounds on one turn's tool use. */
export interface ToolLimits {
  /** Characters of one call's raw input. */
  maxInputChars: number;
  /** Calls per turn, all tools together. */
  maxCallsPerTurn: number;
  /** Calls of `write` tools per turn. */
  maxWritesPerTurn: number;
}

export const DEFAULT_TOOL_LIMITS: ToolLimits = {
  maxInputChars: 4000,
  maxCallsPerTurn: 8,
  maxWritesPerTurn: 3,
};

const NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

/** The tools of one turn: each call counts against the turn's limits. */
export interface ToolTurn {
  /** Validates and runs one call; never throws. */
  execute(call: ToolCallRequest): Promise<ToolResult>;
}

export interface ToolRegistry {
  readonly names: string[];
  /** The tools as the model is offered them (AI SDK function tools with JSON schema). */
  providerTools(): LanguageModelV3FunctionTool[];
  /** Starts a turn: a fresh call and write budget, bound to one owner, character and message. */
  turn(context: ToolContext): ToolTurn;
}

/** Creates a registry; throws `tool_definition_invalid` for a bad name or a duplicate. */
export function createToolRegistry(
  tools: ToolDefinition<unknown>[],
  limits: Partial<ToolLimits> = {},
): ToolRegistry {
  const bounds = { ...DEFAULT_TOOL_LIMITS, ...limits };
  const byName = new Map<string, ToolDefinition<unknown>>();
  for (const tool of tools) {
    if (!NAME.test(tool.name) || byName.has(tool.name)) {
      throw new StarlingError('tool_definition_invalid', `tool name "${tool.name}" is invalid or used twice`);
    }
    byName.set(tool.name, tool);
  }
  const schemas = new Map([...byName].map(([name, tool]) => [name, jsonSchemaOf(tool)]));
  for (const [name, schema] of schemas) {
    // Providers take function parameters as one object schema (no top-level union).
    if (schema.type !== 'object') {
      throw new StarlingError('tool_definition_invalid', `tool "${name}" must take an object as input`);
    }
  }

  return {
    names: [...byName.keys()],
    providerTools: () =>
      [...byName.values()].map((tool) => ({
        type: 'function',
        name: tool.name,
        description: tool.description,
        inputSchema: schemas.get(tool.name) ?? { type: 'object' },
      })),
    turn(context) {
      let calls = 0;
      let writes = 0;
      return {
        async execute(call) {
          const failure = (code: ToolErrorCode, message: string, input?: unknown): ToolErrorResult => ({
            ok: false,
            callId: call.id,
            name: call.name,
            input,
            error: { code, message },
          });
          if (aborted(context)) return failure('tool_aborted', 'the turn was stopped');
          const tool = byName.get(call.name);
          if (tool === undefined) {
            const known = [...byName.keys()].join(', ');
            return failure('tool_unknown', `there is no tool "${clip(call.name, 64)}"; tools: ${known}`);
          }
          if (call.input.length > bounds.maxInputChars) {
            return failure(
              'tool_input_too_large',
              `the input is longer than ${bounds.maxInputChars} characters`,
            );
          }
          const parsed = parseJson(call.input);
          if (!parsed.ok)
            return failure('tool_input_not_json', `the input is not valid JSON: ${parsed.message}`);
          const checked = tool.inputSchema.safeParse(parsed.value);
          if (!checked.success) {
            return failure('tool_input_invalid', describeIssues(checked.error), parsed.value);
          }
          calls += 1;
          if (calls > bounds.maxCallsPerTurn) {
            return failure(
              'tool_limit_reached',
              `at most ${bounds.maxCallsPerTurn} tool calls per turn`,
              checked.data,
            );
          }
          if (tool.permission === 'write') {
            writes += 1;
            if (writes > bounds.maxWritesPerTurn) {
              return failure(
                'tool_limit_reached',
                `at most ${bounds.maxWritesPerTurn} memory changes per turn`,
                checked.data,
              );
            }
          }
          try {
            const output = await tool.execute(checked.data, context);
            const screened = screenToolOutput(JSON.stringify(output.result), `the ${call.name} tool`);
            if (screened.quarantined) context.onWithheld?.(call.name, screened);
            return {
              ok: true,
              callId: call.id,
              name: call.name,
              input: checked.data,
              // Output that carries instructions is withheld: the model reads a notice, the record says why.
              result: screened.quarantined ? { withheld: screened.text } : output.result,
              summary: screened.quarantined
                ? { ...output.summary, quarantined: screened.rules }
                : (output.summary ?? {}),
            };
          } catch (error) {
            if (ToolRefusal.isInstance(error)) return failure('tool_refused', error.message, checked.data);
            if (aborted(context)) return failure('tool_aborted', 'the turn was stopped');
            const message = error instanceof Error ? error.message : String(error);
            return failure('tool_failed', `the tool failed: ${clip(message, 200)}`, checked.data);
          }
        },
      };
    },
  };
}

/** The tool's input schema as JSON schema draft 7, without the `$schema` key providers do not want. */
function jsonSchemaOf(tool: ToolDefinition<unknown>): JSONSchema7 {
  const schema = z.toJSONSchema(tool.inputSchema, { target: 'draft-7', io: 'input' }) as Record<
    string,
    unknown
  >;
  delete schema['$schema'];
  return schema as JSONSchema7;
}

/** An empty input means no arguments (some servers send "" for a call without parameters). */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: clip(error instanceof Error ? error.message : String(error), 120) };
  }
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 4).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return `the input does not match the schema: ${issues.join('; ')}`;
}

function aborted(context: ToolContext): boolean {
  return context.signal?.aborted === true;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
