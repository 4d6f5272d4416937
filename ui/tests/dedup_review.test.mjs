// The Duplicates page: an administrator finds duplicates (a man registered in Arabic and again
// in Latin letters, a girl likewise), sees both records side by side with the reasons in
// words, keeps one record of the man after confirming (his second household leaves the list),
// undoes it, and marks the girls as different people. A viewer has no such page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, untranslatedText } from './support/browser.mjs';
import { registerHousehold, somePlaces, startServer } from './support/server.mjs';

let server;
let admin;
before(async () => {
  server = await startServer();
  admin = await server.client('admin');
  const { district } = await somePlaces(admin);
  const alone = (member) => admin.post('/households', {
    displacement_status: 'idp_out_of_camp',
    location: { pcode: district.pcode },
    members: [{ relationship: 'head', ...member }],
  });
  await registerHousehold(admin);
  await alone({ given_name: 'Mohamad', father_name: 'Abdul-Rahman', grandfather_name: 'Husayn',
    family_name: 'Al-Jubouri', sex: 'male', birth_date: '1984-07-15',
    documents: [{ type: 'national_id', number: '199012345678' }] });
  await alone({ given_name: 'زينب', father_name: 'خالد', family_name: 'العبيدي', sex: 'female',
    birth_date: '2009', phone: '07701112233' });
  await alone({ given_name: 'Zainab', father_name: 'Khalid', family_name: 'Al-Obaidi', sex: 'female',
    birth_date: '2009-04-02', phone: '0770 111 2233' });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

const households = async () => (await admin.get('/households')).total;

test('an administrator reviews duplicates: merge, undo, different people', async () => {
  const { page, errors, close } = await openBrowser(server.url);
  try {
    await logIn(page, 'admin');
    await page.getByRole('link', { name: 'Duplicates' }).click();
    await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
    await page.getByText('No search for duplicates has been run yet.').waitFor();

    await page.getByRole('button', { name: 'Find duplicates' }).click();
    await page.getByText(/^Last search .*5 people compared/).waitFor();

    const man = page.locator('article').filter({ hasText: 'Mohamad' });
    await man.getByText('محمد عبد الرحمن حسين الجبوري').waitFor();
    await man.locator('li', { hasText: 'Document number: agrees' }).first().waitFor();
    await man.locator('li', { hasText: 'Given name: agrees' }).first().waitFor();
    assert.equal(await households(), 4);

    await man.getByLabel('Keep record 1').check();
    await man.getByRole('button', { name: 'Same person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge these records?' });
    await dialog.getByText(/Record 1 is kept/).waitFor();
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await man.getByText('Decided: same person, record 1 kept').waitFor();
    await man.getByText('merged', { exact: true }).waitFor();
    assert.equal(await households(), 3, 'the household of the merged record is archived');

    await man.getByRole('button', { name: 'Undo' }).click();
    await man.getByRole('button', { name: 'Same person' }).waitFor();
    assert.equal(await households(), 4, 'undo restores the household');

    const girl = page.locator('article').filter({ hasText: 'Zainab' });
    await girl.getByRole('button', { name: 'Different people' }).click();
    await girl.getByText('Decided: different people').waitFor();
    await page.getByText(/^Last search .*1 still to review/).waitFor();

    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { name: 'السجلات المكررة', level: 1 }).waitFor();
    assert.deepEqual(await untranslatedText(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a viewer has no Duplicates page', async () => {
  const { page, errors, close } = await openBrowser(server.url);
  try {
    await logIn(page, 'viewer');
    assert.equal(await page.getByRole('link', { name: 'Duplicates' }).count(), 0);
    await page.goto('/#/dedup');
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
