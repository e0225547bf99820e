// `starling serve` as a user runs it: port 0 prints the real URL, the API answers, SIGTERM stops it
// cleanly.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempHome } from './support/temp-home.js';

const BIN = path.resolve(import.meta.dirname, '../bin/starling.js');

describe('starling serve', () => {
  let cleanup: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await cleanup?.();
  });

  it('prints the URL for port 0, serves /healthz and shuts down on SIGTERM', async () => {
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, STARLING_HOME: temp.home, NODE_LLAMA_CPP_GPU: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed\n${stderr}`)), 15_000);
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect(url).not.toMatch(/:0$/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toContain('"msg":"server stopped"');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
