/**
 * The native llama.cpp binding, loaded once per process. This lazily created promise is the only
 * module-level state in the models layer: the binding is process-global in native code anyway.
 */
import { getLlama, LlamaLogLevel, type Llama } from 'node-llama-cpp';
import { StarlingError } from '../../spec/errors.js';

let bindingPromise: Promise<Llama> | undefined;

/**
 * Returns the process's llama.cpp binding, loading the prebuilt binary on first use. CPU by default,
 * so installs and tests never depend on GPU drivers; `STARLING_GPU=auto` lets node-llama-cpp use a
 * CUDA, Vulkan or Metal build when one is installed.
 */
export function loadLlamaBinding(): Promise<Llama> {
  const gpu = process.env.STARLING_GPU === 'auto' ? 'auto' : false;
  bindingPromise ??= getLlama({ gpu, build: 'never', logLevel: LlamaLogLevel.error }).catch(
    (error: unknown) => {
      bindingPromise = undefined;
      throw new StarlingError(
        'llama_binding_unavailable',
        'The llama.cpp native binding could not be loaded (node-llama-cpp prebuilt binary for this platform); reinstall node-llama-cpp or use a remote model.',
        { cause: error },
      );
    },
  );
  return bindingPromise;
}
