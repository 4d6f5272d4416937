// A logistics officer sets up stock and a distribution round through the screens: adds an item
// and a warehouse, records a receipt and sees the balance, creates an in-kind round with a
// basket, previews it (need and available stock), plans it (the stock is reserved) and opens it.
// The collection screen in Arabic is right to left, fits 360 px and names items in Arabic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles, untranslatedText } from './support/browser.mjs';
import { registerHousehold, somePlaces, startServer } from './support/server.mjs';

const kUsers = { omar: { role: 'logistics', password: 'omar-pass-2026-long' } };

let server;
let places;
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  const clerk = await server.client('clerk');
  places = await somePlaces(clerk);
  await registerHousehold(clerk);
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

const cell = (row, n) => row.locator('td').nth(n);

let roundId;

test('items, warehouse, receipt and balance; a round is previewed, planned and opened', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'omar', kUsers.omar.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Stock' }).click();
    await page.getByRole('heading', { name: 'Stock', level: 1 }).waitFor();

    // The catalogue: an item with its names in three languages.
    const tabs = page.getByRole('navigation', { name: 'Stock sections' });
    await tabs.getByRole('link', { name: 'Items' }).click();
    await page.getByRole('button', { name: 'Add an item' }).click();
    const itemForm = page.getByRole('region', { name: 'Add an item' });
    await itemForm.getByRole('button', { name: 'Save item' }).click();
    await itemForm.getByRole('alert').getByText('Code: Required.').waitFor();
    await itemForm.getByLabel('Code').fill('NFI-BLANKET');
    await itemForm.getByLabel('Category').selectOption('nfi');
    await itemForm.getByLabel('Unit').fill('piece');
    await itemForm.getByLabel('Name in English').fill('Thermal blanket');
    await itemForm.getByLabel('Name in Arabic').fill('بطانية حرارية');
    await itemForm.getByLabel('Name in Kurdish').fill('بەتانی گەرم');
    await itemForm.getByRole('button', { name: 'Save item' }).click();
    await page.getByRole('status').filter({ hasText: 'Item “Thermal blanket” saved.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'NFI-BLANKET' }).getByText('بطانية حرارية').waitFor();

    // A warehouse, placed with the governorate / district picker.
    await tabs.getByRole('link', { name: 'Warehouses' }).click();
    await page.getByRole('button', { name: 'Add a warehouse' }).click();
    const whForm = page.getByRole('region', { name: 'Add a warehouse' });
    await whForm.getByLabel('Name', { exact: true }).fill('Zakho warehouse');
    await whForm.getByLabel('Governorate').selectOption(places.governorate.pcode);
    await whForm.getByLabel('District', { exact: true }).selectOption(places.district.pcode);
    await whForm.getByRole('button', { name: 'Save warehouse' }).click();
    await page.getByRole('status').filter({ hasText: 'Warehouse “Zakho warehouse” saved.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Zakho warehouse' }).getByText(places.district.name_en).waitFor();

    // A receipt: lot number and expiry, donor, waybill.
    await tabs.getByRole('link', { name: 'Record a movement' }).click();
    await page.getByLabel('Warehouse').selectOption({ label: 'Zakho warehouse' });
    await page.getByLabel('Item', { exact: true }).selectOption({ label: 'Thermal blanket (piece)' });
    await page.getByLabel('Lot number').fill('LOT-77');
    await page.getByLabel(/^Expiry date/).fill('2031-06-30');
    await page.getByLabel('Quantity').fill('40');
    await page.getByLabel('Donor').fill('UNHCR');
    await page.getByLabel('Waybill').fill('WB-501');
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await page.getByRole('status').filter({ hasText: 'Receipt recorded: 40 piece of Thermal blanket into Zakho warehouse.' }).waitFor();

    await tabs.getByRole('link', { name: 'Stock report' }).click();
    let row = page.getByRole('row').filter({ hasText: 'Thermal blanket' });
    await row.getByText('LOT-77').waitFor();
    await settles(() => cell(row, 1).textContent(), '40', 'on hand');
    await settles(() => cell(row, 3).textContent(), '40', 'available');

    // A round with a basket of 2 blankets per household.
    await nav.getByRole('link', { name: 'Distributions' }).click();
    await page.getByRole('link', { name: 'New round' }).click();
    await page.getByRole('heading', { name: 'New distribution round', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Save round' }).click();
    await page.getByRole('alert').getByText('Name: Required.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Winter blankets — Zakho');
    await page.getByLabel('Site').fill('Zakho town');
    const where = page.getByRole('group', { name: 'Place', exact: true });
    await where.getByLabel('Governorate').selectOption(places.governorate.pcode);
    await where.getByLabel('District', { exact: true }).selectOption(places.district.pcode);
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Starts on').fill(today);
    await page.getByLabel('Ends on').fill(today);
    await page.getByLabel('Warehouse').selectOption({ label: 'Zakho warehouse' });
    const line = page.getByRole('group', { name: 'Line 1' });
    await line.getByLabel('Item').selectOption({ label: 'Thermal blanket (piece)' });
    await line.getByLabel('Quantity per household').fill('2');
    await page.getByRole('button', { name: 'Save round' }).click();
    await page.getByRole('heading', { name: 'Winter blankets — Zakho', level: 1 }).waitFor();
    roundId = Number(/#\/distributions\/(\d+)/.exec(page.url())[1]);
    await page.getByText('Draft', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Show the preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    const need = preview.getByRole('row').filter({ hasText: 'Thermal blanket' });
    await need.waitFor();
    await settles(() => need.locator('td').allTextContents(), ['2', '40', '0']);

    await page.getByRole('button', { name: 'Plan: draw the list and reserve stock' }).click();
    await page.getByText('Planned', { exact: true }).waitFor();
    const list = page.getByRole('region', { name: 'Beneficiary list' });
    await list.getByRole('row').filter({ hasText: 'محمد عبد الرحمن حسين الجبوري' }).waitFor();
    await list.getByRole('link', { name: /PDF/ }).waitFor();
    await list.getByRole('link', { name: /XLSX/ }).waitFor();

    await page.getByRole('button', { name: 'Open for collection' }).click();
    await page.getByText('Open', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Open the collection screen' }).waitFor();

    // The plan reserved 2 blankets: 38 are still available.
    await nav.getByRole('link', { name: 'Stock' }).click();
    row = page.getByRole('row').filter({ hasText: 'Thermal blanket' });
    await row.waitFor();
    await settles(() => cell(row, 2).textContent(), '2', 'reserved');
    await settles(() => cell(row, 3).textContent(), '38', 'available');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('the collection screen in Arabic is right to left and fits 360 px', async () => {
  assert.ok(roundId, 'the round of the first test');
  const browser = await openBrowser(server.url, { width: 360, height: 780 });
  const { page, errors } = browser;
  try {
    await logIn(page, 'omar', kUsers.omar.password);
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.goto(`/#/distributions/${roundId}/collect`);
    await page.getByRole('heading', { name: 'Winter blankets — Zakho', level: 1 }).waitFor();
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
    const search = page.getByLabel('ابحث عن أسرة: الاسم أو الرمز أو رقم الوثيقة أو الهاتف');
    await page.getByText('استلم: 0 من 1 مدرجة').waitFor();
    await search.fill('الجبوري');
    const result = page.getByRole('list', { name: 'الأسر التي وُجدت' })
      .getByRole('button', { name: /^محمد عبد الرحمن حسين الجبوري/ });
    await result.getByText('تسجيل: رب الأسرة يستلم').waitFor();
    // The round names its items in English only; the screen shows the catalogue's Arabic name.
    await result.getByText('2 × بطانية حرارية', { exact: true }).waitFor();
    assert.equal(await page.getByText('Thermal blanket').count(), 0, 'no English item name');

    // Right to left: short lines of text sit at the right edge; nothing is wider than the screen.
    const textEdges = await page.getByText('استلم: 0 من 1 مدرجة').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rect = range.getBoundingClientRect();
      return [rect.left, rect.right];
    });
    assert.ok(textEdges[0] > 120 && textEdges[1] > 320, `the count is at the right (${textEdges})`);
    const box = await search.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, 'the search box fits');
    const button = await result.boundingBox();
    assert.ok(button.x >= 0 && button.x + button.width <= 360, 'the result fits');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scrolling');
    assert.deepEqual(await untranslatedText(page), [], 'no English left on the Arabic collection screen');
    await page.screenshot({ path: '/tmp/sanad-collection-ar-360.png', fullPage: true });

    await result.click();
    const done = page.getByRole('status').filter({ hasText: 'سُلّم إلى' });
    await done.getByText('محمد عبد الرحمن حسين الجبوري').waitFor();
    await done.getByText('2 × بطانية حرارية (piece)').waitFor();
    await page.getByText('استلم: 1 من 1 مدرجة').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
