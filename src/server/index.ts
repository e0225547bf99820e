/** The HTTP server: the Hono app, a Node listener with graceful shutdown, and their options. */
export { createServerApp, type AppRuntime } from './app.js';
export { startServer, type RunningServer } from './start.js';
export { defaultServerOptions } from './options.js';
export { createTurnRegistry, type TurnRegistry } from './turn-registry.js';
export type { AppEnv, Caller, ServerDependencies, ServerOptions } from './env.js';
