// A viewer reads households and their history but gets no Register, Edit or Archive controls,
// no Admin/Audit menu, and a typed-in edit address says the viewer is not allowed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser } from './support/browser.mjs';
import { registerHousehold, startServer } from './support/server.mjs';

let server;
let household;
before(async () => {
  server = await startServer();
  household = await registerHousehold(await server.client('clerk'));
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('viewer does not see the Register button nor Edit and Archive', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'viewer');
    await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Register household' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Register household' }).count(), 0);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Households' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Admin' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'Audit' }).count(), 0);

    await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Archive' }).count(), 0);
    await page.getByRole('region', { name: 'History' }).getByText(/^Registered · .* · by clerk$/).waitFor();

    for (const path of [`/#/households/${household.id}/edit`, '/#/households/new', '/#/admin', '/#/audit']) {
      await page.goto(path);
      await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Save household' }).count(), 0);
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
