/**
 * Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) for the web UI tests,
 * plus a check that the UI has been built: the server serves dist/web, so the tests need it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['STARLING_CHROMIUM'] ?? '/usr/bin/chromium';
const WEB_INDEX = path.resolve(import.meta.dirname, '../../dist/web/index.html');

/** Throws a clear message when the UI or the browser is missing. */
export function assertWebPrerequisites(): void {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(
      `the web UI is not built (${WEB_INDEX} is missing): run \`npm run build\` (or \`npx vite build --config web/vite.config.ts\`) first`,
    );
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set STARLING_CHROMIUM`);
  }
}

/** Launches headless Chromium with the flags CI needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A folder for the screenshots of one run (kept for people to look at). */
export async function screenshotFolder(): Promise<string> {
  return process.env['STARLING_SCREENSHOTS'] ?? (await mkdtemp(path.join(tmpdir(), 'starling-web-shots-')));
}
