/**
 * The function calls of one embedded generation, as the caller gets them. node-llama-cpp generates a
 * call's parameters under the schema's grammar and then checks them against the schema; a check that
 * fails (a grammar cannot bound everything, e.g. integer ranges) throws out of the whole generation.
 * The tracker keeps each call's name and parameter text as it streams, so such a call still reaches
 * the caller as a tool call with its raw input, whose own validation answers it like any bad call,
 * instead of failing the turn.
 */
import {
  LlamaJsonSchemaValidationError,
  type LlamaChatResponseFunctionCallParamsChunk,
} from 'node-llama-cpp';

export interface TrackedFunctionCall {
  name: string;
  /** The parameters as JSON text. */
  input: string;
}

/** Creates a tracker; pass `callbacks` to `generateResponse`. */
export function createFunctionCallTracker() {
  const calls: TrackedFunctionCall[] = [];
  let pending: { index: number; name: string; text: string } | null = null;
  return {
    calls,
    callbacks: {
      onFunctionCallParamsChunk(chunk: LlamaChatResponseFunctionCallParamsChunk): void {
        if (pending === null || pending.index !== chunk.callIndex) {
          pending = { index: chunk.callIndex, name: chunk.functionName, text: '' };
        }
        pending.text += chunk.paramsChunk;
      },
      onFunctionCall(call: { functionName: string; params: unknown }): void {
        calls.push({ name: call.functionName, input: JSON.stringify(call.params ?? {}) });
        pending = null;
      },
    },
    /** True when `error` is a failed parameter check of the call in progress, which is then kept as a call. */
    keepInvalidCall(error: unknown): boolean {
      if (!(error instanceof LlamaJsonSchemaValidationError) || pending === null) return false;
      calls.push({ name: pending.name, input: pending.text });
      pending = null;
      return true;
    },
  };
}
