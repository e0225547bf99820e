// The admin Users page, end to end in headless Chromium: an admin creates a user, marks them a minor
// and deletes them after typing their name; deleting oneself or the local user, disabling oneself and
// demoting the last admin show the server's refusal in place; a password reset works; users who are not admins see no
// Users entry; and the page fits a 360 px screen without sideways scrolling.
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebPrerequisites, launchBrowser, screenshotFolder } from './support/browser.js';
import { call, signIn, startTestServer, type TestServer } from './support/server.js';

// Browser-side check as an expression: the test project's types are Node's, not the DOM's.
const overflowScript = `(() => {
  if (document.documentElement.scrollWidth <= window.innerWidth) return [];
  return Array.from(document.querySelectorAll('body *'))
    .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
    .slice(0, 5)
    .map((element) => element.tagName.toLowerCase() + '.' + element.className);
})()`;

describe('web UI: the admin Users page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let shots: string;
  const dialogs: string[] = [];

  const poll = <T>(read: () => Promise<T> | T, options: { timeout?: number } = {}) =>
    expect.poll(read, { timeout: 20_000, interval: 50, ...options });
  const row = (name: string) => page.locator(`tr.user-row[data-user="${name}"]`);
  const shoot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  async function signInAs(target: Page, name: string, password: string) {
    await target.goto(server.url);
    await target.getByLabel('User name').fill(name);
    await target.getByLabel('Password').fill(password);
    await target.getByRole('button', { name: 'Sign in', exact: true }).click();
    await poll(() => target.getByRole('heading', { name: 'Characters' }).count()).toBe(1);
  }

  beforeAll(async () => {
    assertWebPrerequisites();
    server = await startTestServer();
    shots = await screenshotFolder();
    const admin = await signIn(server.url, 'admin', 'admin password');
    await call(server.url, 'PUT', '/api/admin/settings', admin.auth, { signupOpen: true });
    await signIn(server.url, 'bob', 'bob password');
    await call(server.url, 'PUT', '/api/admin/settings', admin.auth, { signupOpen: false });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 820 } });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    process.stdout.write(`users page screenshots: ${shots}\n`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a user, marks them a minor and deletes them after typing their name', async () => {
    await signInAs(page, 'admin', 'admin password');
    await page.getByRole('link', { name: 'Users' }).click();
    await poll(() => page.getByRole('heading', { name: 'Users', level: 1 }).count()).toBe(1);
    // The personal install's passwordless local user, the admin and bob.
    await poll(() => page.locator('tr.user-row').count()).toBe(3);

    const form = page.getByRole('region', { name: 'Add a user' });
    await form.getByLabel('User name').fill('dana');
    await form.getByLabel('Password', { exact: true }).fill('dana password');
    await form.getByRole('button', { name: 'Create user' }).click();
    await poll(() => row('dana').count()).toBe(1);
    await poll(() => page.locator('.users-notice').textContent()).toBe('Created dana.');
    expect(await row('dana').getAttribute('data-minor')).toBe('false');

    const minor = page.getByRole('checkbox', { name: 'Minor: dana' });
    expect(await minor.getAttribute('aria-describedby')).toBe('users-minor-hint');
    await minor.click(); // click, not check(): the box follows the server, which may answer after check() gives up
    await poll(() => row('dana').getAttribute('data-minor')).toBe('true');
    expect(await row('dana').locator('.user-name-cell').textContent()).toContain('Minor');
    expect(await page.locator('#users-minor-hint').textContent()).toContain('teen safety policy');
    expect((await server.starling.store.users.findByName('dana'))?.minor).toBe(true);
    await shoot('u1-users-desktop');

    await page.getByRole('button', { name: 'Delete dana' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete dana?' });
    await poll(() => dialog.isVisible()).toBe(true);
    const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type dana to confirm').fill('dan');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type dana to confirm').fill('dana');
    await shoot('u2-delete-dialog');
    await confirm.click();
    await poll(() => row('dana').count()).toBe(0);
    await poll(() => dialog.count()).toBe(0);
    expect(await page.getByText('Deleted dana.').count()).toBe(1);
    expect(await server.starling.store.users.findByName('dana')).toBeNull();
  });

  it('shows the server’s refusal to delete or disable oneself and to demote the last admin', async () => {
    await page.getByRole('button', { name: 'Delete admin' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete admin?' });
    await dialog.getByLabel('Type admin to confirm').fill('admin');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await poll(() => dialog.getByRole('alert').textContent()).toContain(
      'You cannot delete your own account here',
    );
    await shoot('u3-delete-self-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await poll(() => dialog.count()).toBe(0);
    expect(await server.starling.store.users.findByName('admin')).not.toBeNull();

    await page.getByRole('button', { name: 'Delete local' }).click();
    const local = page.getByRole('dialog', { name: 'Delete local?' });
    await local.getByLabel('Type local to confirm').fill('local');
    await local.getByRole('button', { name: 'Delete', exact: true }).click();
    await poll(() => local.getByRole('alert').textContent()).toBe(
      'local is the local user of this install and cannot be deleted.',
    );
    await page.keyboard.press('Escape');
    await poll(() => local.count()).toBe(0);

    await page.getByRole('button', { name: 'Disable admin' }).click();
    const extra = row('admin').locator('xpath=following-sibling::tr[1]');
    await poll(() => extra.getByRole('alert').textContent()).toBe('You cannot disable your own account.');

    const role = page.getByRole('combobox', { name: 'Role of admin' });
    await role.selectOption('user');
    await poll(() => extra.getByRole('alert').textContent()).toBe(
      'admin is the last active admin; make another user admin first.',
    );
    expect(await role.inputValue()).toBe('admin');
    expect((await server.starling.store.users.findByName('admin'))?.role).toBe('admin');
  });

  it('resets a password and disables and enables a user', async () => {
    await page.getByRole('button', { name: 'Reset password of bob' }).click();
    await page.getByLabel('New password for bob').fill('bob new password');
    await page.getByRole('button', { name: 'Set password', exact: true }).click();
    await poll(() => page.getByText('New password set for bob').count()).toBe(1);
    expect((await signIn(server.url, 'bob', 'bob new password', true)).user.role).toBe('user');

    await page.getByRole('button', { name: 'Disable bob' }).click();
    await poll(() => row('bob').getAttribute('data-disabled')).toBe('true');
    expect(await row('bob').textContent()).toContain('Disabled');
    await page.getByRole('button', { name: 'Enable bob' }).click();
    await poll(() => row('bob').getAttribute('data-disabled')).toBe('false');
  });

  it('fits a 360 px screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await poll(() => page.locator('tr.user-row').count()).toBe(3);
    expect(await page.evaluate(overflowScript)).toEqual([]);
    await shoot('u4-users-phone');
    await page.getByRole('button', { name: 'Reset password of bob' }).click();
    await page.getByRole('button', { name: 'Delete bob' }).click();
    await poll(() => page.getByRole('dialog', { name: 'Delete bob?' }).isVisible()).toBe(true);
    expect(await page.evaluate(overflowScript)).toEqual([]);
    await shoot('u5-users-phone-dialog');
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.setViewportSize({ width: 1280, height: 820 });
    expect(dialogs).toEqual([]);
  });

  it('shows no Users entry to a user who is not an admin, and the page refuses them', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const userPage = await context.newPage();
    await signInAs(userPage, 'bob', 'bob new password');
    expect(await userPage.getByRole('link', { name: 'Settings' }).count()).toBe(1);
    expect(await userPage.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await userPage.goto(`${server.url}/users`);
    await poll(() => userPage.getByRole('alert').count()).toBe(1);
    expect(await userPage.locator('tr.user-row').count()).toBe(0);
    await context.close();
  });
});
