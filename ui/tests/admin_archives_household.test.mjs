// An administrator archives a household only after confirming: Cancel keeps it; confirming
// removes it from the list, and the audit log shows it registered and archived.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser } from './support/browser.mjs';
import { registerHousehold, startServer } from './support/server.mjs';

let server;
let household;
before(async () => {
  server = await startServer();
  household = await registerHousehold(await server.client('admin'));
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('admin archives a household after confirming and the audit log shows it', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'admin');
    await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).click();
    await page.getByRole('button', { name: 'Archive' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive this household?' });
    await dialog.getByText('The record is kept, not erased.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'History' }).waitFor();
    assert.equal((await (await server.client('admin')).get(`/households/${household.id}`)).id, household.id);

    await page.getByRole('button', { name: 'Archive' }).click();
    await dialog.getByRole('button', { name: 'Archive household' }).click();
    await page.getByRole('heading', { name: 'Households', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'No households registered yet.' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByLabel('Household ID').fill(String(household.id));
    await page.getByRole('button', { name: 'Filter' }).click();
    // Until the filtered answer arrives the table still shows every entry (the users, other
    // records): wait for exactly this household's two entries.
    const entries = page.getByRole('table').first();
    const archived = entries.getByRole('cell', { name: 'Archived', exact: true });
    const registered = entries.getByRole('cell', { name: 'Registered', exact: true });
    const end = Date.now() + 30_000;
    while ((await archived.count()) !== 1 || (await registered.count()) !== 1) {
      assert.ok(Date.now() < end, 'the audit log filtered to the household shows it registered and archived');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
