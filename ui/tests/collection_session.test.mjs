// A logistics officer runs the collection screen of an open round: finds a family by typing
// part of an Arabic name and records with one tap, finds another by its token and records with
// Enter (as a QR scanner types), sees the first family refused as "already collected" with when
// and by whom, and undoes the last collection. The search box is cleared and focused after each
// collection, and the running count follows. In Kurdish the item is named in Sorani.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles, waitForValue } from './support/browser.mjs';
import { registerHousehold, somePlaces, startServer } from './support/server.mjs';

const kUsers = { layla: { role: 'logistics', password: 'layla-pass-2026-long' } };

let server;
let round;
let tokens;
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  const clerk = await server.client('clerk');
  const logistics = await server.client('layla');
  const { district } = await somePlaces(clerk);
  await registerHousehold(clerk);
  await registerHousehold(clerk, {
    phone: '+9647709876543',
    members: [{ given_name: 'زينب', father_name: 'كاظم', family_name: 'العبيدي', sex: 'female', birth_date: '1979',
      relationship: 'head', documents: [{ type: 'national_id', number: '198011112222' }] }],
  });
  await registerHousehold(clerk, {
    phone: '+9647711112222',
    members: [{ given_name: 'خالد', father_name: 'ياسين', family_name: 'السامرائي', sex: 'male', birth_date: '1990',
      relationship: 'head' }],
  });
  const item = await logistics.post('/items', {
    code: 'HYG-KIT', name_en: 'Hygiene kit', name_ar: 'حقيبة نظافة', name_ckb: 'کیتی پاکوخاوێنی', unit: 'kit',
    category: 'hygiene',
  });
  const warehouse = await logistics.post('/warehouses', { name: 'Duhok central warehouse', pcode: district.pcode, address: '' });
  await logistics.post('/stock/movements', {
    kind: 'receipt', warehouse_id: warehouse.id, item_id: item.id, lot: { number: 'L-2411', expiry: '2030-03-31' },
    quantity: 50, donor: 'ECHO', waybill: 'WB-1123', note: '',
  });
  const today = new Date().toISOString().slice(0, 10);
  let r = await logistics.post('/distributions', {
    name: 'Hygiene kits — Hasansham', kind: 'in_kind', project: 'ECHO-HYG', pcode: district.pcode, site: 'Hasansham',
    warehouse_id: warehouse.id, starts_on: today, ends_on: today,
    basket: [{ item_id: item.id, quantity: 2, per_member: false, max_quantity: null }], criteria: {},
  });
  r = await logistics.post(`/distributions/${r.id}/plan`, { version: r.version });
  r = await logistics.post(`/distributions/${r.id}/open`, { version: r.version });
  round = r;
  const listed = (await logistics.get(`/distributions/${r.id}/beneficiaries?limit=10`)).items;
  tokens = Object.fromEntries(listed.map((b) => [b.head.name.split(' ')[0], b.token]));
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('a logistics officer records collections by name and by token, is refused a second one, undoes one', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'layla', kUsers.layla.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Distributions' }).click();
    await page.getByRole('link', { name: 'Hygiene kits — Hasansham' }).click();
    await page.getByRole('link', { name: 'Open the collection screen' }).click();
    await page.getByRole('heading', { name: 'Hygiene kits — Hasansham', level: 1 }).waitFor();
    const search = page.getByLabel('Find a family: name, token, document or phone');
    const count = page.getByText(/^Collected: \d+ of \d+ listed$/);
    await settles(() => count.textContent(), 'Collected: 0 of 3 listed');
    assert.ok(await search.evaluate((el) => el === document.activeElement), 'the search box has the focus');

    // Part of an Arabic name, as typed: results appear without pressing anything; one tap records.
    await search.pressSequentially('عبد الرحم', { delay: 30 });
    const results = page.getByRole('list', { name: 'Families found' });
    const first = results.getByRole('button', { name: /^محمد عبد الرحمن حسين الجبوري/ });
    await first.click();
    const done = page.getByRole('status').filter({ hasText: 'Handed out to' });
    await done.getByText('محمد عبد الرحمن حسين الجبوري').waitFor();
    await done.getByText('2 × Hygiene kit (kit)').waitFor();
    await waitForValue(search, '');
    assert.ok(await search.evaluate((el) => el === document.activeElement), 'the search box has the focus again');
    await page.getByText('Collected: 1 of 3 listed').waitFor();

    // A scanner types the token and Enter at once: the single result is recorded.
    await search.pressSequentially(tokens['زينب'], { delay: 5 });
    await search.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Handed out to' }).getByText('زينب كاظم العبيدي').waitFor();
    await waitForValue(search, '');
    await page.getByText('Collected: 2 of 3 listed').waitFor();

    // The first family again: shown as collected in the list, and Enter is refused prominently.
    await search.fill('الجبوري');
    await results.getByText(/Already collected:/).waitFor();
    assert.equal(await results.getByRole('button', { name: /^محمد عبد الرحمن/ }).count(), 0);
    await search.press('Enter');
    const refused = page.getByRole('alert').filter({ hasText: 'Already collected:' });
    await refused.getByText('محمد عبد الرحمن حسين الجبوري').waitFor();
    await refused.getByText('layla').waitFor();
    await settles(() => search.inputValue(), 'الجبوري', 'the search is kept after a refusal');

    // The last collection (Zainab's) is undone with a reason; she may collect again.
    await page.getByRole('button', { name: /^Undo the last collection:/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Undo the last collection?' });
    await dialog.getByRole('button', { name: 'Undo collection' }).click();
    await dialog.getByText('Required.').waitFor();
    await dialog.getByLabel('Reason').fill('Wrong family called');
    await dialog.getByRole('button', { name: 'Undo collection' }).click();
    await page.getByRole('status').filter({ hasText: 'Collection undone:' }).getByText('زينب كاظم العبيدي').waitFor();
    await page.getByText('Collected: 1 of 3 listed').waitFor();
    await search.fill('زينب');
    const zainab = results.getByRole('button', { name: /^زينب كاظم العبيدي/ });
    await zainab.getByText('2 × Hygiene kit', { exact: true }).waitFor();

    // In Kurdish the same family's entitlement names the item in Sorani, from the catalogue.
    await page.getByRole('button', { name: 'کوردی' }).click();
    await page.getByRole('button', { name: /^زينب كاظم العبيدي/ }).getByText('2 × کیتی پاکوخاوێنی', { exact: true }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }

  const listed = await (await server.client('layla')).get(`/distributions/${round.id}/beneficiaries?status=collected`);
  assert.deepEqual(listed.items.map((b) => b.head.name), ['محمد عبد الرحمن حسين الجبوري']);
});
