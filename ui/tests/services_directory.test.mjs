// A supervisor adds and edits a service of their organisation and imports more from a CSV file:
// a file with a mistake is refused as a whole with the line and column named, the corrected one
// is imported. Every logged-in user finds services by type, place and text; only the
// organisation's supervisors and admins may change them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles } from './support/browser.mjs';
import { somePlaceChain, startServer } from './support/server.mjs';

const kUsers = {
  hana: { role: 'supervisor', password: 'hana-pass-2026-long', org: 'Women Care B', modules: ['gbv'] },
  amal: { role: 'caseworker', password: 'amal-pass-2026-long', org: 'Relief A', modules: ['gbv'] },
};

let server;
let places;
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  places = await somePlaceChain(await server.client('hana'));
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('a supervisor adds, edits and imports services; others find them but cannot change them', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'hana', kUsers.hana.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'No service found.' }).waitFor();

    await page.getByRole('button', { name: 'Add a service' }).click();
    const form = page.getByRole('region', { name: 'Add a service' });
    await form.getByRole('button', { name: 'Save service' }).click();
    await form.getByRole('alert').getByText('Type of service: Required.').waitFor();
    await form.getByLabel('Type of service').selectOption('legal_aid');
    await form.getByLabel('Name', { exact: true }).fill('Legal help desk');
    await form.getByLabel('Governorate').selectOption(places.governorate.pcode);
    await form.getByLabel('District', { exact: true }).selectOption(places.district.pcode);
    await form.getByLabel('Contact phone').fill('+9647701234567');
    await form.getByLabel('Who is eligible').fill('Anyone who lost civil documents');
    await form.getByRole('button', { name: 'Save service' }).click();
    await page.getByRole('status').filter({ hasText: 'Service “Legal help desk” saved.' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Legal help desk' });
    await row.getByText('Legal aid').waitFor();
    await row.getByText(places.district.name_en).waitFor();

    await row.getByRole('button', { name: 'Edit Legal help desk' }).click();
    const edit = page.getByRole('region', { name: /^Edit service/ });
    await settles(() => edit.getByLabel('District', { exact: true }).inputValue(), places.district.pcode);
    await edit.getByLabel('Name', { exact: true }).fill('Legal and civil documentation desk');
    await edit.getByRole('button', { name: 'Save service' }).click();
    await page.getByRole('row').filter({ hasText: 'Legal and civil documentation desk' }).waitFor();

    // A CSV with a mistake is refused as a whole; the problem names its line and column.
    const importer = page.getByRole('region', { name: /^Import services from a/ });
    const header = 'type,name,pcode,contact_name,contact_phone,contact_email,eligibility\n';
    const good = `gbv_safe_space,Safe space Khanke,${places.subdistrict.pcode},Hana,,,Women and girls\n`;
    await importer.getByLabel('File').setInputFiles({
      name: 'services.csv', mimeType: 'text/csv',
      buffer: Buffer.from(`${header}${good}teleport,Nowhere,${places.district.pcode},,,,\n`),
    });
    await importer.getByRole('button', { name: 'Import' }).click();
    const refused = importer.getByRole('alert');
    await refused.getByText(/Nothing was imported: 1 problems/).waitFor();
    const problem = refused.getByRole('row').filter({ hasText: 'type' });
    await problem.getByRole('cell', { name: '3', exact: true }).waitFor();
    assert.equal(await page.getByRole('row').filter({ hasText: 'Safe space Khanke' }).count(), 0);

    await importer.getByLabel('File').setInputFiles({
      name: 'services.csv', mimeType: 'text/csv',
      buffer: Buffer.from(`${header}${good}health,Mobile clinic,${places.district.pcode},,,,Everyone\n`),
    });
    await importer.getByRole('button', { name: 'Import' }).click();
    await importer.getByRole('status').filter({ hasText: '2 services imported.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Safe space Khanke' }).waitFor();

    // Search by type and text.
    await page.getByLabel('Type of service').last().selectOption('health');
    await page.getByRole('row').filter({ hasText: 'Safe space Khanke' }).waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'Mobile clinic' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }

  const other = await openBrowser(server.url);
  try {
    await logIn(other.page, 'amal', kUsers.amal.password);
    await other.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await other.page.getByRole('row').filter({ hasText: 'Mobile clinic' }).waitFor();
    await other.page.getByLabel('Name, contact or eligibility').fill('khanke');
    await other.page.getByRole('button', { name: 'Find services' }).click();
    await other.page.getByRole('row').filter({ hasText: 'Mobile clinic' }).waitFor({ state: 'detached' });
    const row = other.page.getByRole('row').filter({ hasText: 'Safe space Khanke' });
    await row.getByText('Women Care B').waitFor();
    assert.equal(await row.getByRole('button', { name: /^Edit/ }).count(), 0);
    assert.equal(await other.page.getByRole('button', { name: 'Add a service' }).count(), 0);
    assert.equal(await other.page.getByRole('region', { name: /^Import services/ }).count(), 0);
    assert.deepEqual(other.errors, []);
  } finally {
    await other.close();
  }
});
