// A registration clerk registers an Arabic household with two members, documents and the
// Washington Group questions; finds it again by a variant spelling; edits it (phone changed, a
// member removed, a document added); and sees who changed what, and when, in its history.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles } from './support/browser.mjs';
import { somePlaces, startServer } from './support/server.mjs';

let server;
let places;
before(async () => {
  server = await startServer();
  places = await somePlaces(await server.client('clerk'));
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('clerk registers a household in Arabic, finds it by a variant spelling, edits it, sees history', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    await page.getByRole('link', { name: 'Register household' }).click();
    await page.getByRole('heading', { name: 'Register household', level: 1 }).waitFor();

    const household = page.getByRole('group', { name: 'Household', exact: true });
    await household.getByLabel('Displacement status').selectOption('idp_in_camp');
    await household.getByLabel('Phone').fill('+964 750 123 4567');
    const location = page.getByRole('group', { name: 'Current location' });
    await location.getByLabel('Governorate').selectOption(places.governorate.pcode);
    await location.getByLabel('District', { exact: true }).selectOption(places.district.pcode);
    await location.getByLabel('Site, camp or neighbourhood').fill('مخيم حسن شام');

    const head = page.getByRole('group', { name: 'Member 1', exact: true });
    await head.getByLabel('Given name').fill('محمد');
    await head.getByLabel("Father's name", { exact: true }).fill('عبد الرحمن');
    await head.getByLabel("Grandfather's name").fill('حسين');
    await head.getByLabel('Family or tribe name').fill('الجبوري');
    await head.getByLabel('Name in Latin letters').fill('Mohammed Abdulrahman Hussein Al-Jubouri');
    await head.getByLabel('Sex').selectOption('male');
    await head.getByLabel('Birth date').fill('1984-03-15');
    await settles(() => head.getByLabel('Relationship to head').inputValue(), 'head');
    assert.equal(await head.getByLabel('Given name').getAttribute('dir'), 'auto');
    await head.getByRole('button', { name: 'Add document' }).click();
    await head.getByRole('group', { name: 'Document 1' }).getByLabel('Document type').selectOption('national_id');
    await head.getByRole('group', { name: 'Document 1' }).getByLabel('Document number').fill('199012345678');
    // A second document started by mistake, then removed.
    await head.getByRole('button', { name: 'Add document' }).click();
    await head.getByRole('group', { name: 'Document 2' }).getByLabel('Document number').fill('wrong');
    await head.getByRole('button', { name: 'Remove document 2' }).click();
    assert.equal(await head.getByRole('group', { name: 'Document 2' }).count(), 0);

    await page.getByRole('button', { name: 'Add member' }).click();
    const spouse = page.getByRole('group', { name: 'Member 2', exact: true });
    await spouse.getByLabel('Given name').fill('فاطمة');
    await spouse.getByLabel("Father's name", { exact: true }).fill('علي');
    await spouse.getByLabel('Name in Latin letters').fill('Fatima Ali');
    await spouse.getByLabel('Sex').selectOption('female');
    await spouse.getByLabel('Birth date').fill('1988');
    await spouse.getByLabel('Relationship to head').selectOption('spouse');
    await spouse.getByText('Functioning (Washington Group questions)').click();
    await spouse.getByLabel('Seeing').selectOption('some_difficulty');
    await spouse.getByLabel('Walking or climbing steps').selectOption('no_difficulty');

    // A third member added by mistake, then removed before saving.
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('group', { name: 'Member 3', exact: true }).getByLabel('Given name').fill('خطأ');
    await page.getByRole('button', { name: 'Remove member 3' }).click();
    assert.equal(await page.getByRole('group', { name: 'Member 3', exact: true }).count(), 0);

    await page.getByRole('button', { name: 'Save household' }).click();
    await page.getByRole('heading', { name: 'محمد عبد الرحمن حسين الجبوري', level: 1 }).waitFor();
    const id = /#\/households\/(\d+)$/.exec(page.url())?.[1];
    assert.ok(id, `household page URL, got ${page.url()}`);
    const members = page.getByRole('region', { name: 'Members (2)' });
    const fatima = members.getByRole('row').filter({ hasText: 'Fatima Ali' });
    await fatima.getByRole('cell', { name: '1988', exact: true }).waitFor();
    await fatima.getByRole('cell', { name: 'Spouse', exact: true }).waitFor();
    await fatima.getByText('Seeing: Some difficulty').waitFor();
    const mohammed = members.getByRole('row').filter({ hasText: 'Mohammed Abdulrahman' });
    await mohammed.getByText('National ID: 199012345678').waitFor();
    await mohammed.getByRole('cell', { name: 'Head of household', exact: true }).waitFor();

    // Found again by variant spellings: no space in the compound name; a shadda on the given name.
    for (const variant of ['عبدالرحمن', 'محمّد']) {
      await page.getByRole('link', { name: 'Households', exact: true }).click();
      await page.getByLabel('Search').fill(variant);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('status').filter({ hasText: /1–1 of 1/ }).waitFor();
      await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).waitFor();
    }

    await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: `Edit household ${id}` }).waitFor();
    const phone = page.getByRole('group', { name: 'Household', exact: true }).getByLabel('Phone');
    await settles(() => phone.inputValue(), '+9647501234567');
    await phone.fill('07701234567');
    const spouseEdit = page.getByRole('group', { name: 'Member 2', exact: true });
    await settles(() => spouseEdit.getByLabel('Seeing').inputValue(), 'some_difficulty');
    await page.getByRole('button', { name: 'Remove member 2' }).click();
    const headEdit = page.getByRole('group', { name: 'Member 1', exact: true });
    await headEdit.getByRole('button', { name: 'Add document' }).click();
    const card = headEdit.getByRole('group', { name: 'Document 2' });
    await card.getByLabel('Document type').selectOption('pds_card');
    await card.getByLabel('Document number').fill('PDS-55021');
    await page.getByRole('button', { name: 'Save household' }).click();

    await page.getByRole('heading', { name: 'محمد عبد الرحمن حسين الجبوري', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Details' }).getByText(/7701234567/).waitFor();
    await page.getByRole('region', { name: 'Members (1)' }).getByText('PDS ration card: PDS-55021').waitFor();
    assert.equal(await page.getByRole('region', { name: 'Members (1)' }).getByText('Fatima Ali').count(), 0);

    // History, oldest first: who registered it, then who changed what; field names as labels.
    const history = page.getByRole('region', { name: 'History' });
    const entries = history.getByRole('listitem');
    // The history arrives by its own request after the page (CI once counted it empty).
    await settles(() => entries.count(), 2);
    await entries.nth(0).getByText(/^Registered · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · by clerk$/).waitFor();
    const changed = entries.nth(1);
    await changed.getByText(/^Changed · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · by clerk$/).waitFor();
    const phoneChange = changed.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Phone', exact: true }) });
    await phoneChange.getByRole('cell').filter({ hasText: /7701234567/ }).waitFor();
    await phoneChange.getByRole('cell').filter({ hasText: /7501234567/ }).waitFor();
    await changed.getByRole('rowheader', { name: 'Member 1, Document 2 – Document number' }).waitFor();
    await changed.getByRole('row').filter({ hasText: 'PDS-55021' }).first().waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
