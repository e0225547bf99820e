/**
 * Runs the app on Node's HTTP server. `close()` is the graceful shutdown: stop accepting, abort the
 * running turns (the engine stores their partial replies as incomplete), wait for those writes, then
 * close the remaining connections. Closing the store is the caller's job.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createServerApp } from './app.js';
import type { ServerDependencies } from './env.js';
import { createTurnRegistry } from './turn-registry.js';

export interface RunningServer {
  /** The base URL with the real port (also when port 0 was asked for). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts listening on options.host:options.port and resolves once the socket is bound. */
export async function startServer(deps: ServerDependencies): Promise<RunningServer> {
  const turns = createTurnRegistry();
  const app = createServerApp(deps, { turns });
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: deps.options.host, port: deps.options.port }, () =>
      resolve(started as Server),
    ) as Server;
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = deps.options.host.includes(':') ? `[${deps.options.host}]` : deps.options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        turns.abortAll();
        await turns.idle();
        // Streams of aborted turns have sent their last event; give them a moment to flush.
        await new Promise((resolve) => setTimeout(resolve, 50));
        server.closeAllConnections();
        await stopped;
        deps.log({ level: 'info', msg: 'server stopped' });
      })();
      return closing;
    },
  };
}
