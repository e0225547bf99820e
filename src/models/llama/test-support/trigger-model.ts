/**
 * The embedded provider over the tiny random-weights model with a ChatML wrapper whose function-call
 * prefix is `someti`, a piece that model emits at temperature 0 anyway: node-llama-cpp then parses a
 * real function call (name and parameters under the schema grammar), which no trained weights are
 * needed for. Tests of the tool path on the embedded provider use it.
 */
import { ChatMLChatWrapper } from 'node-llama-cpp';
import type { ChatModelHandle } from '../../../spec/model.js';
import { loadLlamaBinding } from '../llama-binding.js';
import { LlamaLanguageModel } from '../llama-language-model.js';
import { SerialQueue } from '../serial-queue.js';
import { SessionSequences } from '../session-sequences.js';

class TriggerChatWrapper extends ChatMLChatWrapper {
  override readonly settings = {
    ...ChatMLChatWrapper.defaultSettings,
    functions: {
      ...ChatMLChatWrapper.defaultSettings.functions,
      call: {
        ...ChatMLChatWrapper.defaultSettings.functions.call,
        prefix: 'someti',
        optionalPrefixSpace: false,
        prefixAlternateMatches: [],
      },
    },
  };
}

/** Loads the tiny model at `modelPath` behind the trigger wrapper (one sequence, one thread). */
export async function triggerModel(modelPath: string): Promise<ChatModelHandle> {
  const llama = await loadLlamaBinding();
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize: 2048, sequences: 1, threads: 1 });
  const chatWrapper = new TriggerChatWrapper();
  const sessions = new SessionSequences([context.getSequence()], chatWrapper);
  const languageModel = new LlamaLanguageModel('tiny-trigger', {
    llama,
    model,
    chatWrapper,
    sessions,
    queue: new SerialQueue(),
    isDisposed: () => false,
  });
  return {
    name: 'tiny-trigger',
    model: languageModel,
    tokenCounter: { count: (text) => model.tokenize(text).length, messageOverhead: 4, kind: 'exact' },
    contextSize: context.contextSize,
    toolCalls: true,
    async dispose() {
      sessions.dispose();
      await context.dispose();
      await model.dispose();
    },
  };
}
