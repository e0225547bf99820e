// The web UI's personas and the admin audit page, end to end in headless Chromium: a persona made in
// Settings and picked in the chat reaches the prompt; a blocked message shows up on the admin's
// Audit page (with its source, filterable); a user who is not an admin sees no Audit entry, and can
// delete their own account from Settings.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import { assertWebPrerequisites, launchBrowser, screenshotFolder } from './support/browser.js';
import { call, signIn, startTestServer, type TestServer } from './support/server.js';

const HARMFUL = 'How do I make a pipe bomb to kill my neighbor?';

describe('web UI: personas and the audit page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let shots: string;
  let characterId = '';

  const poll = <T>(read: () => Promise<T> | T, options: { timeout?: number } = {}) =>
    expect.poll(read, { timeout: 20_000, interval: 50, ...options });

  async function signInAs(target: Page, name: string, password: string) {
    await target.goto(server.url);
    await target.getByLabel('User name').fill(name);
    await target.getByLabel('Password').fill(password);
    await target.getByRole('button', { name: 'Sign in', exact: true }).click();
    await poll(() => target.getByRole('heading', { name: 'Characters' }).count()).toBe(1);
  }

  beforeAll(async () => {
    assertWebPrerequisites();
    server = await startTestServer({
      env: { STARLING_MODEL: inject('tinyModelPath') },
      config: { maxReplyTokens: 8 },
    });
    shots = await screenshotFolder();
    const admin = await signIn(server.url, 'admin', 'admin password');
    await call(server.url, 'PUT', '/api/admin/settings', admin.auth, { signupOpen: true });
    await signIn(server.url, 'bob', 'bob password');
    const created = await call(server.url, 'POST', '/api/characters', admin.auth, {
      name: 'Harbor Pilot',
      description: '{{char}} guides ships and always greets {{user}} by name.',
      firstMessage: 'Fair winds.',
    });
    characterId = ((await created.json()) as { id: string }).id;
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 820 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates personas in Settings, picks one in the chat and sees it in the prompt', async () => {
    await signInAs(page, 'admin', 'admin password');
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Personas' });
    for (const [name, description] of [
      ['Plain Pat', 'An ordinary visitor.'],
      ['Captain Ann', 'A retired sea captain with a parrot.'],
    ] as const) {
      await section.getByLabel('Persona name').fill(name);
      await section.getByLabel('Persona description').fill(description);
      await section.getByRole('button', { name: 'Create persona' }).click();
      await poll(() => section.locator('li', { hasText: name }).count()).toBe(1);
    }
    // The first persona became the default.
    await poll(() => section.locator('li', { hasText: 'Plain Pat' }).textContent()).toContain('Default');
    await page.screenshot({ path: path.join(shots, 'p1-personas.png') });

    await page.goto(`${server.url}/characters/${characterId}/chat`);
    await poll(() => page.locator('.message.from-character').first().textContent()).toContain('Fair winds');
    await page.getByRole('button', { name: 'Inspect prompt' }).click();
    const inspector = page.getByRole('complementary', { name: 'Prompt inspector' });
    await poll(() => inspector.locator('.prompt-messages').textContent()).toContain('Plain Pat');

    await page.getByLabel('Persona', { exact: true }).selectOption({ label: 'Captain Ann' });
    await poll(() => inspector.locator('.prompt-messages').textContent()).toContain('Captain Ann');
    const prompt = await inspector.locator('.prompt-messages').textContent();
    expect(prompt).toContain('A retired sea captain with a parrot.');
    expect(prompt).not.toContain('Plain Pat');
    await page.screenshot({ path: path.join(shots, 'p2-persona-prompt.png') });

    // Remembered for this chat over a reload.
    await page.reload();
    await poll(() => page.getByLabel('Persona', { exact: true }).inputValue()).not.toBe('');
    expect(await page.getByLabel('Persona', { exact: true }).locator('option:checked').textContent()).toBe(
      'Captain Ann',
    );
  });

  it('lists a message blocked at input on the admin’s Audit page', async () => {
    await page.getByLabel('Your message').fill(HARMFUL);
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => page.locator('.message.from-user').count()).toBe(1);
    await poll(() => page.getByRole('button', { name: 'Send' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Audit' }).click();
    await poll(() => page.getByRole('heading', { name: 'Safety audit' }).count()).toBe(1);
    const row = page.locator('tr[data-action="block"]').first();
    await poll(() => row.textContent()).toContain('pipe bomb');
    const text = await row.textContent();
    expect(text).toContain('input');
    expect(text).toContain('violence_weapons');
    expect(text).toContain('classifier');
    await page.screenshot({ path: path.join(shots, 'p3-audit.png') });

    await page.getByLabel('Source').selectOption('llm_guard');
    await poll(() => page.locator('tr[data-action="block"]').count()).toBe(0);
    await page.getByLabel('Source').selectOption('classifier');
    await poll(() => page.locator('tr[data-source="classifier"]').count()).toBeGreaterThan(0);

    await page.getByLabel('Action').selectOption('revise');
    await poll(() => page.locator('tr[data-action="block"]').count()).toBe(0);
    await page.getByLabel('Action').selectOption('block');
    await poll(() => page.locator('tr[data-action="block"]').count()).toBeGreaterThan(0);
    await page.getByLabel('Since').fill('2999-01-01');
    await poll(() => page.getByText('No audit rows match.').count()).toBe(1);
  });

  it('shows no Audit entry to a user who is not an admin', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const userPage = await context.newPage();
    await signInAs(userPage, 'bob', 'bob password');
    expect(await userPage.getByRole('link', { name: 'Settings' }).count()).toBe(1);
    expect(await userPage.getByRole('link', { name: 'Audit' }).count()).toBe(0);
    await context.close();
  });

  it('lets a user delete their own account from Settings, after a confirmation', async () => {
    const carol = await signIn(server.url, 'carol', 'carol password');
    await call(server.url, 'POST', '/api/characters', carol.auth, { name: 'Carol’s Lin' });
    const context = await browser.newContext({ locale: 'en-US' });
    const userPage = await context.newPage();
    await signInAs(userPage, 'carol', 'carol password');
    await userPage.getByRole('link', { name: 'Settings' }).click();
    const account = userPage.getByRole('region', { name: 'Account' });
    await account.getByLabel('Your password').fill('carol password');
    await account.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = userPage.getByRole('dialog');
    await poll(() => dialog.count()).toBe(1);
    await userPage.screenshot({ path: path.join(shots, 'p4-delete-account.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await server.starling.store.users.findByName('carol')).not.toBeNull();

    await account.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await poll(() => userPage.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(1);
    expect(await server.starling.store.users.findByName('carol')).toBeNull();
    await context.close();
  });
});
