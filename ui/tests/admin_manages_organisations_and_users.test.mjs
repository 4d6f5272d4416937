// An administrator creates an organisation and a user in it with a role, changes the role and
// disables the user (who then cannot log in), enables them again; the new user logs in, sees
// their own organisation's empty registry and not the admin screens.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles } from './support/browser.mjs';
import { registerHousehold, startServer } from './support/server.mjs';

let server;
before(async () => {
  server = await startServer();
  // A household in Test Org, which the new organisation's user must not see.
  await registerHousehold(await server.client('admin'));
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

const kNadia = { username: 'nadia', password: 'nadia-pass-2026-long' };

async function logInAs(page, { username, password }) {
  await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('admin creates an organisation and a user, disables and enables them; the user logs in', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();

    const orgs = page.getByRole('region', { name: 'Organisations' });
    await orgs.getByRole('button', { name: 'Create organisation' }).click();
    await orgs.getByText('Required.').waitFor();
    assert.equal(await orgs.getByLabel('Organisation name').getAttribute('aria-invalid'), 'true');
    await orgs.getByLabel('Organisation name').fill('Relief Kurdistan');
    await orgs.getByRole('button', { name: 'Create organisation' }).click();
    await orgs.getByRole('status').filter({ hasText: 'Relief Kurdistan' }).waitFor();
    await orgs.getByRole('cell', { name: 'Relief Kurdistan', exact: true }).waitFor();
    // The same name again is refused, next to the name input.
    await orgs.getByLabel('Organisation name').fill('Relief Kurdistan');
    await orgs.getByRole('button', { name: 'Create organisation' }).click();
    await orgs.getByText('An organisation with this name already exists.').waitFor();
    assert.equal(await orgs.getByLabel('Organisation name').getAttribute('aria-invalid'), 'true');

    const users = page.getByRole('region', { name: 'Users' });
    const form = users.getByRole('form', { name: 'New user' });
    await form.getByLabel('Username').fill(kNadia.username);
    await form.getByLabel('Password').fill('short');
    await form.getByLabel('Role').selectOption('registration');
    await form.getByLabel('Organisation').selectOption({ label: 'Relief Kurdistan' });
    await form.getByRole('button', { name: 'Create user' }).click();
    // The server's reason (422 fields) next to the password.
    await form.getByText('must have at least 8 characters').waitFor();
    assert.equal(await form.getByLabel('Password').getAttribute('aria-invalid'), 'true');
    await form.getByLabel('Password').fill(kNadia.password);
    await form.getByRole('button', { name: 'Create user' }).click();
    const row = users.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'nadia', exact: true }) });
    await row.getByRole('cell', { name: 'Relief Kurdistan' }).waitFor();
    await settles(() => row.getByLabel('Role of nadia').inputValue(), 'registration');

    await row.getByLabel('Role of nadia').selectOption('caseworker');
    await users.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await row.getByRole('button', { name: 'Disable nadia' }).click();
    await row.getByText('Disabled', { exact: true }).waitFor();

    // Disabled: the log-in is refused.
    await page.getByRole('button', { name: 'Log out' }).click();
    await logInAs(page, kNadia);
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();

    // Enabled again by the admin (who lands on the households list, not on Admin).
    await logIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    const again = page.getByRole('region', { name: 'Users' }).getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'nadia', exact: true }) });
    await again.getByRole('button', { name: 'Enable nadia' }).click();
    await again.getByRole('button', { name: 'Disable nadia' }).waitFor();
    await settles(() => again.getByLabel('Role of nadia').inputValue(), 'caseworker');
    await page.getByRole('button', { name: 'Log out' }).click();

    await logInAs(page, kNadia);
    await page.getByRole('heading', { name: 'Households', level: 1 }).waitFor();
    await page.getByRole('banner').getByText('Relief Kurdistan').waitFor();
    await page.getByRole('banner').getByText('(Caseworker)').waitFor();
    await page.getByRole('status').filter({ hasText: 'No households registered yet.' }).waitFor();
    await page.getByRole('link', { name: 'Register household' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count(), 0);
    await page.goto('/#/admin');
    await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
