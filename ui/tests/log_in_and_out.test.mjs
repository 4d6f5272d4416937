// Logging in shows who is signed in; logging out ends the session on the server, so a reload
// stays on the log-in screen. A wrong password (401) and the lock-out after too many tries (429)
// are explained on the log-in screen.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('a clerk logs in, sees who is signed in, logs out, and a reload stays logged out', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    const banner = page.getByRole('banner');
    await banner.getByText('clerk', { exact: true }).waitFor();
    await banner.getByText('Test Org', { exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Households' }).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Log out' }).count(), 0);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
    const session = await page.request.get('/api/v1/session');
    assert.equal(session.status(), 401, 'the server ended the session');

    await page.reload();
    await page.getByLabel('Username').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Households' }).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('wrong password, then too many attempts, are explained on the log-in screen', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await page.goto('/');
    await page.getByLabel('Username').fill('clerk');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    await settles(() => page.getByLabel('Username').inputValue(), 'clerk', 'the username is kept');

    // Fail through the API until the server starts refusing (bounded), then try in the page.
    let status = 0;
    for (let i = 0; i < 30 && status !== 429; i++) {
      const response = await fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'clerk', password: `wrong ${i}` }),
      });
      status = response.status;
    }
    assert.equal(status, 429, 'server locks out after repeated failures');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: /Too many attempts, try again/ }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
