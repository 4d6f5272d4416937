// A manager (M&E officer) opens the dashboard from the main navigation: the people reached by an
// activity recorded through the API are in the key figures and the charts; clicking Erbil on the
// map of Iraq shows Erbil's figures in the side panel, and the panel narrows the dashboard to that
// place. The same page in Arabic is right to left.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles } from './support/browser.mjs';
import { figure, recordErbilActivity } from './support/programmes.mjs';
import { registerHousehold, startServer } from './support/server.mjs';

const kUsers = { mona: { role: 'me_officer', password: 'mona-pass-2026-long' } };

let server;
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  const clerk = await server.client('clerk');
  const household = await registerHousehold(clerk);
  const mona = await server.client('mona');
  // One registered person and 20 counted: 21 people reached, all in Erbil.
  await recordErbilActivity(mona, {
    project: { ends_on: '2026-12-31' },
    startsOn: '2026-03-02',
    people: [household.members[0].id],
    counts: [
      { sex: 'female', age_group: '18-59', population_group: 'idp', count: 12 },
      { sex: 'male', age_group: '6-17', population_group: 'host', count: 8 },
    ],
  });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('a manager reads the dashboard and a governorate’s figures from the map', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'mona', kUsers.mona.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const filters = page.getByRole('search', { name: 'Filters' });
    await filters.getByLabel('From', { exact: true }).fill('2026-01-01');
    await filters.getByLabel('To', { exact: true }).fill('2026-12-31');
    await filters.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/#\/dashboard\?.*from=2026-01-01/);

    const key = page.getByLabel('Key figures');
    await key.waitFor();
    await settles(() => figure(key, 'People reached').textContent(), '21');
    await settles(() => figure(key, 'Activities held').textContent(), '1');
    const sectors = page.getByRole('table', { name: 'People reached by sector' });
    await sectors.getByRole('row', { name: /Protection/ }).getByText('21').waitFor();
    const sexAge = page.getByRole('table', { name: 'People reached by sex and age group' });
    // Female, male, sex unknown, total: the registered head of household is a man of 42.
    await settles(() => sexAge.getByRole('row', { name: /18–59 years/ }).getByRole('cell').allTextContents(),
      ['12', '1', '0', '13']);

    // Erbil on the map: a drawn shape that is a button named with its figure.
    const map = page.getByRole('region', { name: 'Map of Iraq: people reached' });
    await map.getByRole('button', { name: 'Erbil: 21 people reached' }).click();
    const panel = page.getByRole('complementary', { name: 'Erbil' });
    await settles(() => figure(panel, 'People reached').textContent(), '21');
    await settles(() => figure(panel, 'Times served').textContent(), '21');
    await settles(() => figure(panel, 'Share of all people reached').textContent(), '100%');
    await panel.getByText('Erbil: 21').waitFor(); // its district
    // A governorate nobody was reached in shows zero.
    await map.getByRole('button', { name: 'Al-Basrah: 0 people reached' }).click();
    await settles(() => figure(page.getByRole('complementary', { name: 'Al-Basrah' }), 'People reached').textContent(), '0');

    await map.getByRole('button', { name: 'Erbil: 21 people reached' }).click();
    await page.getByRole('complementary', { name: 'Erbil' }).getByRole('button', { name: 'Show only this place' }).click();
    await page.waitForURL(/pcode=IQG11/);
    await settles(() => page.getByLabel('Governorate', { exact: true }).inputValue(), 'IQG11');
    await settles(() => figure(page.getByLabel('Key figures'), 'People reached').textContent(), '21');

    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { name: 'لوحة المؤشرات', level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.getByRole('region', { name: 'خريطة العراق: الأشخاص الذين تم الوصول إليهم' })
      .getByRole('button', { name: 'اربيل: تم الوصول إلى 21 شخص' }).waitFor();
    await page.screenshot({ path: '/tmp/sanad-dashboard-ar.png', fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
