/**
 * The request side of the lean streaming path: which calls it covers, and the prompt and tools as
 * OpenAI chat messages, shaped as the AI SDK's OpenAI-compatible provider sends them.
 */
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
  LanguageModelV3ToolResultOutput,
} from '@ai-sdk/provider';

/** Text prompts, function tools and their results with the plain sampling settings; anything else goes to the SDK. */
export function coversCall(call: LanguageModelV3CallOptions): boolean {
  if (call.responseFormat?.type === 'json') return false;
  if (call.tools?.some((tool) => tool.type !== 'function' || tool.providerOptions !== undefined) === true) {
    return false;
  }
  if (call.topK !== undefined || call.includeRawChunks === true) return false;
  for (const key of Object.keys(call.providerOptions ?? {})) if (key !== 'starling') return false;
  return call.prompt.every((message) => {
    if (message.providerOptions !== undefined) return false;
    switch (message.role) {
      case 'system':
        return true;
      case 'user':
        return message.content.every((part) => part.type === 'text');
      case 'assistant':
        return message.content.every(
          (part) => part.type === 'text' || (part.type === 'tool-call' && part.providerExecuted !== true),
        );
      case 'tool':
        return message.content.every((part) => part.type === 'tool-result' && part.output.type !== 'content');
    }
  });
}

/** The prompt as OpenAI chat messages. */
export function toChatMessages(prompt: LanguageModelV3Prompt): Record<string, unknown>[] {
  return prompt.flatMap((message): Record<string, unknown>[] => {
    if (message.role === 'system') return [{ role: 'system', content: message.content }];
    if (message.role === 'tool') {
      return message.content.flatMap((part) =>
        part.type === 'tool-result'
          ? [{ role: 'tool', tool_call_id: part.toolCallId, content: toolResultText(part.output) }]
          : [],
      );
    }
    const texts = message.content.flatMap((part) => (part.type === 'text' ? [part.text] : []));
    if (message.role === 'assistant') {
      const calls = message.content.flatMap((part) =>
        part.type === 'tool-call'
          ? [
              {
                id: part.toolCallId,
                type: 'function',
                function: {
                  name: part.toolName,
                  arguments: typeof part.input === 'string' ? part.input : JSON.stringify(part.input),
                },
              },
            ]
          : [],
      );
      return [
        { role: 'assistant', content: texts.join(''), ...(calls.length > 0 ? { tool_calls: calls } : {}) },
      ];
    }
    return [
      {
        role: 'user',
        content: texts.length === 1 ? texts[0] : texts.map((text) => ({ type: 'text', text })),
      },
    ];
  });
}

/** `tools` and `tool_choice` for the request body (empty without tools). */
export function toChatTools(call: LanguageModelV3CallOptions): Record<string, unknown> {
  const tools = call.tools?.flatMap((tool) =>
    tool.type === 'function'
      ? [
          {
            type: 'function',
            function: {
              name: tool.name,
              description: tool.description,
              parameters: tool.inputSchema,
              ...(tool.strict === undefined ? {} : { strict: tool.strict }),
            },
          },
        ]
      : [],
  );
  if (tools === undefined || tools.length === 0) return {};
  const choice = call.toolChoice;
  return {
    tools,
    ...(choice === undefined
      ? {}
      : {
          tool_choice:
            choice.type === 'tool' ? { type: 'function', function: { name: choice.toolName } } : choice.type,
        }),
  };
}

function toolResultText(output: LanguageModelV3ToolResultOutput): string {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    case 'execution-denied':
      return output.reason ?? 'Tool execution denied.';
    case 'content':
      return JSON.stringify(output.value);
  }
}
