// An administrator gives users their case management modules (checkboxes in the users page,
// when creating a user and later). What the header offers follows role and modules: cases for
// caseworkers and supervisors holding a module, referrals for those who refer, services for all.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

const navLinks = (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();

test('an administrator gives a caseworker modules, who then opens cases of those modules', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'admin');
    assert.deepEqual(await navLinks(page), ['Households', 'Find a person', 'Dashboard', 'Services', 'Stock', 'Distributions', 'Cash', 'Projects', 'Activities', 'Duplicates', 'Import', 'Admin', 'Audit']);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    const users = page.getByRole('region', { name: 'Users' });
    const form = users.getByRole('form', { name: 'New user' });
    await form.getByLabel('Username').fill('noor');
    await form.getByLabel('Password').fill('noor-pass-2026-long');
    await form.getByLabel('Role').selectOption('caseworker');
    await form.getByLabel('Organisation').selectOption({ label: 'Test Org' });
    await form.getByRole('group', { name: 'Case modules' }).getByLabel('Child protection').check();
    await form.getByRole('button', { name: 'Create user' }).click();
    const row = users.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'noor', exact: true }) });
    const modules = row.getByRole('group', { name: 'Case modules of noor' });
    assert.equal(await modules.getByLabel('Child protection').isChecked(), true);
    assert.equal(await modules.getByLabel('Gender-based violence').isChecked(), false);

    await modules.getByLabel('Gender-based violence').check();
    await users.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const admin = await server.client('admin');
    const noor = (await admin.get('/users?limit=200')).items.find((u) => u.username === 'noor');
    assert.deepEqual([...noor.modules].sort(), ['child_protection', 'gbv']);
    await page.getByRole('button', { name: 'Log out' }).click();

    await logIn(page, 'noor', 'noor-pass-2026-long');
    assert.deepEqual(await navLinks(page), ['Households', 'Find a person', 'Dashboard', 'Cases', 'Referrals', 'Services', 'Stock', 'Distributions', 'Cash', 'Projects', 'Activities']);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'Open a case' }).first().click();
    const options = await page.getByLabel('Module').locator('option').allInnerTexts();
    assert.deepEqual(options, ['Choose…', 'Gender-based violence', 'Child protection']);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('registration clerks refer but run no cases; viewers only read the service directory', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    assert.deepEqual(await navLinks(page), ['Households', 'Find a person', 'Dashboard', 'Referrals', 'Services', 'Stock', 'Distributions', 'Cash', 'Projects', 'Activities', 'Import']);
    await page.goto('/#/cases');
    await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();

    await logIn(page, 'viewer');
    assert.deepEqual(await navLinks(page), ['Households', 'Find a person', 'Dashboard', 'Services', 'Stock', 'Distributions', 'Cash', 'Projects', 'Activities']);
    await page.goto('/#/referrals');
    await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
    await page.goto('/#/services');
    await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Add a service' }).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
