// Two people edit the same household: the other one saves first (version 1 → 2). Saving the
// stale form gets 409; the form says so plainly, keeps everything typed, and lets the clerk
// either save over the newer version or discard their changes and load it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles, waitForValue } from './support/browser.mjs';
import { registerHousehold, startServer } from './support/server.mjs';

let server;
let admin;
before(async () => {
  server = await startServer();
  admin = await server.client('admin');
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

const kName = 'محمد عبد الرحمن حسين الجبوري';

test('a stale save shows a clear message, keeps the input, and can save over the newer version', async () => {
  const household = await registerHousehold(admin);
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    await page.goto(`/#/households/${household.id}/edit`);
    const phone = page.getByRole('group', { name: 'Household', exact: true }).getByLabel('Phone');
    await settles(() => phone.inputValue(), '+9647501234567');
    await phone.fill('07712345678');
    const site = page.getByRole('group', { name: 'Current location' }).getByLabel('Site, camp or neighbourhood');
    await site.fill('مخيم الخازر');

    // Meanwhile, in another tab, someone else changes the status.
    await admin.patch(`/households/${household.id}`, { version: household.version, displacement_status: 'returnee' });

    const answer = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Save household' }).click();
    assert.equal((await answer).status(), 409);
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else saved this household first' });
    await alert.getByText('Your changes have not been saved yet; they are still in the form below.').waitFor();
    await settles(() => phone.inputValue(), '07712345678');
    await settles(() => site.inputValue(), 'مخيم الخازر');
    assert.match(page.url(), new RegExp(`#/households/${household.id}/edit$`));
    assert.equal(await alert.getByRole('link', { name: /See the latest version/ }).getAttribute('href'),
      `#/households/${household.id}`);

    await alert.getByRole('button', { name: 'Save my version over theirs' }).click();
    await page.getByRole('heading', { name: kName, level: 1 }).waitFor();
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByText('07712345678').waitFor();
    await details.getByText('مخيم الخازر').waitFor();
    const saved = await admin.get(`/households/${household.id}`);
    assert.equal(saved.version, household.version + 2);
    assert.equal(saved.phone, '07712345678');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('after a stale save the clerk can discard their changes and load the newer version', async () => {
  const household = await registerHousehold(admin);
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    await page.goto(`/#/households/${household.id}/edit`);
    const status = page.getByRole('group', { name: 'Household', exact: true }).getByLabel('Displacement status');
    await settles(() => status.inputValue(), 'idp_in_camp');
    await status.selectOption('refugee');
    await admin.patch(`/households/${household.id}`, { version: household.version, phone: '07809999999' });

    await page.getByRole('button', { name: 'Save household' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else saved this household first' });
    await alert.waitFor();
    await settles(() => status.inputValue(), 'refugee');
    await alert.getByRole('button', { name: 'Discard my changes and load the latest version' }).click();
    await alert.waitFor({ state: 'detached' });
    const phone = page.getByRole('group', { name: 'Household', exact: true }).getByLabel('Phone');
    await waitForValue(phone, '07809999999');
    await settles(() => status.inputValue(), 'idp_in_camp');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
