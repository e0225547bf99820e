/** Converts an AI SDK V3 prompt into node-llama-cpp chat history. */
import type {
  LanguageModelV3Prompt,
  LanguageModelV3ToolResultOutput,
  SharedV3Warning,
} from '@ai-sdk/provider';
import type { ChatHistoryItem, ChatModelFunctionCall } from 'node-llama-cpp';

/**
 * Maps system/user/assistant text to chat history, ending with a model item to generate into (an
 * existing trailing assistant message is continued). Tool calls become function calls in the model's
 * response and tool results fill in their `result`, so a reply after tool calls continues the same
 * model turn, rendered in the chat wrapper's function-call syntax. Other non-text parts are dropped
 * with a warning.
 */
export function toChatHistory(prompt: LanguageModelV3Prompt): {
  history: ChatHistoryItem[];
  warnings: SharedV3Warning[];
} {
  const history: ChatHistoryItem[] = [];
  const dropped = new Set<string>();
  /** Function calls by tool call id, so tool results can fill them in. */
  const calls = new Map<string, ChatModelFunctionCall>();
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        history.push({ type: 'system', text: message.content });
        break;
      case 'user': {
        const texts: string[] = [];
        for (const part of message.content) {
          if (part.type === 'text') texts.push(part.text);
          else dropped.add(`user ${part.type} parts`);
        }
        history.push({ type: 'user', text: texts.join('') });
        break;
      }
      case 'assistant': {
        const response: (string | ChatModelFunctionCall)[] = [];
        for (const part of message.content) {
          if (part.type === 'text') {
            const last = response.at(-1);
            if (typeof last === 'string') response[response.length - 1] = last + part.text;
            else response.push(part.text);
          } else if (part.type === 'tool-call') {
            const call: ChatModelFunctionCall = {
              type: 'functionCall',
              name: part.toolName,
              params: typeof part.input === 'string' ? parseOr(part.input) : part.input,
              result: undefined,
            };
            calls.set(part.toolCallId, call);
            response.push(call);
          } else dropped.add(`assistant ${part.type} parts`);
        }
        history.push({ type: 'model', response: response.length > 0 ? response : [''] });
        break;
      }
      case 'tool':
        for (const part of message.content) {
          const call = part.type === 'tool-result' ? calls.get(part.toolCallId) : undefined;
          if (part.type === 'tool-result' && call !== undefined) call.result = resultValue(part.output);
          else dropped.add(`tool ${part.type} parts without their call`);
        }
        break;
    }
  }
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  const warnings: SharedV3Warning[] = [...dropped].map((feature) => ({
    type: 'unsupported',
    feature,
    details: 'The embedded llama.cpp provider sends text only; these parts were left out of the prompt.',
  }));
  return { history, warnings };
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The value the chat wrapper renders as the function's result. */
function resultValue(output: LanguageModelV3ToolResultOutput): unknown {
  switch (output.type) {
    case 'text':
    case 'json':
    case 'content':
      return output.value;
    case 'error-json':
      return output.value;
    case 'error-text':
      return { error: output.value };
    case 'execution-denied':
      return { error: output.reason ?? 'denied' };
  }
}
