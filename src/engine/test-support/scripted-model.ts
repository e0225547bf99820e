/**
 * A scripted chat model for engine tests (the model is a true boundary): `doStream` streams `reply`
 * word by word with a short pause between words, `doGenerate` answers from `generated` in order.
 */
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import type { ChatModelHandle } from '../../spec/model.js';

const usage = {
  inputTokens: { total: 10, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 10, text: undefined, reasoning: undefined },
};

/** Streams `reply` word by word (a pause between words) and answers `doGenerate` from `generated`. */
export function scriptedModel(reply: string, generated: string[] = []) {
  const streams: LanguageModelV3CallOptions[] = [];
  const generations: LanguageModelV3CallOptions[] = [];
  let sent = 0;
  const model: LanguageModelV3 = {
    specificationVersion: 'v3',
    provider: 'test',
    modelId: 'scripted',
    supportedUrls: {},
    doGenerate: async (call) => {
      generations.push(call);
      const text = generated.shift() ?? '';
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [],
      };
    },
    doStream: async (call) => {
      streams.push(call);
      const words = reply.split(/(?<= )/);
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async pull(controller) {
          const word = words.shift();
          if (word === undefined) {
            controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
            controller.close();
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 1));
          sent += 1;
          controller.enqueue({ type: 'text-delta', id: 't', delta: word });
        },
      });
      return { stream };
    },
  };
  const handle: ChatModelHandle = {
    name: 'scripted',
    model,
    tokenCounter: { count: (text) => Math.ceil(text.length / 4), messageOverhead: 4, kind: 'estimate' },
    contextSize: 4096,
    dispose: async () => undefined,
  };
  return { handle, streams, generations, sent: () => sent };
}
