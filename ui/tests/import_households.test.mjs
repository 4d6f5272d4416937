// Importing households from a file: a registration clerk checks a CSV with one bad row, sees the
// problem by row and column and cannot import; checks the corrected file, imports it after a
// confirmation that states the counts, and finds the households in the list. The same file again
// is refused for its probable duplicates, each linked to the registered household. The Arabic
// screen has no English left, and a viewer has no Import entry.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles, untranslatedText } from './support/browser.mjs';
import { somePlaces, startServer } from './support/server.mjs';

let server;
let clerk;
let pcode;
before(async () => {
  server = await startServer();
  clerk = await server.client('clerk');
  pcode = (await somePlaces(clerk)).district.pcode;
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

// One row per person; "Date of birth" is written as a person would, and row 3 has 30 February.
const csv = (childBirth) => [
  'household_ref,displacement_status,location_pcode,given_name,father_name,family_name,sex,Date of birth,relationship',
  `HH-1,idp_in_camp,${pcode},سعاد,كريم,الدليمي,female,1979-04-11,head`,
  `HH-1,,,ياسر,حميد,الدليمي,male,${childBirth},child`,
  `HH-2,returnee,${pcode},کاوە,ئەحمەد,,male,1990,head`,
].join('\n') + '\n';
const file = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
const bad = () => file('kobo.csv', csv('2012-02-30'));
const good = () => file('kobo-fixed.csv', csv('2012-02-20'));

const total = async () => (await clerk.get('/households')).total;

async function check(page, upload) {
  await page.getByLabel('File', { exact: true }).setInputFiles(upload);
  await page.getByRole('button', { name: 'Check file' }).click();
}

test('a clerk checks a file, fixes it, imports it and finds the households', async () => {
  const { page, errors, close } = await openBrowser(server.url);
  try {
    await logIn(page, 'clerk');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import households', level: 1 }).waitFor();
    await page.getByText('A CSV or XLSX file of at most 32 MiB and 100,000 rows.').waitFor();
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    assert.equal(await importButton.isDisabled(), true, 'nothing to import before a check');
    assert.equal(await page.getByLabel('Refuse the file').isChecked(), true, 'refuse is the default');

    await check(page, bad());
    await page.getByText('The file cannot be imported as it is.', { exact: false }).waitFor();
    const problems = page.getByRole('table', { name: 'Problems (1)' });
    const problem = problems.getByRole('row').filter({ hasText: 'is not a day of that month' });
    await settles(() => problem.getByRole('cell').allInnerTexts(),
      ['3', 'Date of birth', 'is not a day of that month']);
    await page.getByText('The file has 2 households with 3 people.').waitFor();
    assert.equal(await importButton.isDisabled(), true, 'a file with a problem cannot be imported');

    await check(page, good());
    await page.getByText('The file can be imported: 2 households with 3 people.').waitFor();
    await page.getByText('No problems found.').waitFor();
    await page.getByText('No probable duplicates found.').waitFor();
    assert.equal(await total(), 0, 'a check writes nothing');

    // Changing an option needs a new check before importing.
    await page.getByLabel('Import them anyway').check();
    assert.equal(await importButton.isDisabled(), true, 'options changed since the check');
    await page.getByLabel('Refuse the file').check();
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('The file can be imported: 2 households with 3 people.').waitFor();

    await importButton.click();
    const dialog = page.getByRole('dialog', { name: 'Import these households?' });
    await dialog.getByText('2 households with 3 people will be created.').waitFor();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor();
    await page.getByText('2 households with 3 people were registered.').waitFor();
    assert.equal(await total(), 2);

    await page.getByRole('link', { name: 'See the household list' }).click();
    await page.getByRole('heading', { name: 'Households', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'سعاد كريم الدليمي' }).waitFor();
    await page.getByRole('link', { name: 'کاوە ئەحمەد' }).waitFor();

    // The same file again: every person is probably registered already, so it is refused.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await check(page, good());
    const duplicates = page.getByRole('table', { name: 'Probable duplicates (3)' });
    const suad = duplicates.getByRole('row').filter({ hasText: 'سعاد' });
    await suad.getByRole('link', { name: /^Household \d+/ }).waitFor();
    await suad.getByText('Given name: agrees').waitFor();
    await page.getByText(/^With “Refuse the file” these must be resolved first/).waitFor();
    assert.equal(await importButton.isDisabled(), true, 'refused probable duplicates');
    assert.equal(await total(), 2);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the Arabic import screen, with its problems, has no English left', async () => {
  const { page, errors, close } = await openBrowser(server.url);
  try {
    await logIn(page, 'clerk');
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('navigation').first().getByRole('link', { name: 'الاستيراد' }).click();
    await page.getByRole('heading', { name: 'استيراد الأسر', level: 1 }).waitFor();
    await page.getByLabel('الملف', { exact: true }).setInputFiles(bad());
    await page.getByRole('button', { name: 'فحص الملف' }).click();
    await page.getByRole('table', { name: 'المشكلات (1)' }).getByText('Date of birth').waitFor();
    assert.equal(await page.getByRole('button', { name: 'استيراد', exact: true }).isDisabled(), true);
    assert.deepEqual(await untranslatedText(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a viewer has no Import entry and the address says not allowed', async () => {
  const { page, errors, close } = await openBrowser(server.url);
  try {
    await logIn(page, 'viewer');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Households' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Import' }).count(), 0);
    await page.goto('/#/import');
    await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Check file' }).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
