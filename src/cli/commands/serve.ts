/**
 * `starling serve`: the HTTP server on the embedded defaults. Prints the URL (the real port when
 * --port 0), logs one JSON line per request on stderr, and on SIGTERM/SIGINT stops accepting, aborts
 * running turns (their partial replies are stored as incomplete), waits for them and closes the store.
 */
import type { Command } from 'commander';
import { createAccounts } from '../../accounts/index.js';
import { createStarling } from '../../engine/index.js';
import { defaultServerOptions, startServer } from '../../server/index.js';
import { StarlingError } from '../../spec/errors.js';

interface ServeFlags {
  host: string;
  port: string;
  cors?: string[];
  secureCookies?: boolean;
  trustProxy?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StarlingError('usage', `--port must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** Registers `serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (REST under /api, OpenAI-compatible under /v1)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port (0: any free port)', '8787')
    .option('--cors <origins...>', 'browser origins allowed to call the API')
    .option('--secure-cookies', 'mark the session cookie Secure (behind HTTPS)')
    .option('--trust-proxy', 'behind a reverse proxy: take client addresses from X-Forwarded-For')
    .action(async (flags: ServeFlags) => {
      const options = defaultServerOptions({
        host: flags.host,
        port: parsePort(flags.port),
        corsOrigins: flags.cors ?? [],
        secureCookies: flags.secureCookies === true,
        trustProxy: flags.trustProxy === true,
      });
      const starling = await createStarling();
      const accounts = createAccounts(starling.store);
      const log = (record: Record<string, unknown>) =>
        void process.stderr.write(JSON.stringify({ time: new Date().toISOString(), ...record }) + '\n');
      let server;
      try {
        server = await startServer({ starling, accounts, options, log });
      } catch (error) {
        await starling.close();
        throw error;
      }
      process.stdout.write(`Starling is listening on ${server.url}\n`);
      // Load the default model now: the first reply is then fast, and a missing model is said at once.
      await starling.getModel().catch((error: unknown) => {
        const message = StarlingError.isInstance(error) ? `${error.code}: ${error.message}` : String(error);
        log({ level: 'warn', msg: `no chat model yet (${message})` });
      });
      const running = server;
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.removeListener('SIGTERM', stop);
          process.removeListener('SIGINT', stop);
          log({ level: 'info', msg: 'shutting down', signal });
          resolve();
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
      try {
        await running.close();
      } finally {
        await starling.close();
      }
    });
}
