// A registration clerk types, in Latin letters, the name of a man already registered in Arabic
// script: before saving, the form shows "possibly already registered" with a link to his
// household; a match registered by another organisation shows only as a count. The same clerk
// then finds him on the "Find a person" page by yet another spelling; both screens are fully
// translated in Arabic and Kurdish.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, untranslatedText } from './support/browser.mjs';
import { apiClient, registerHousehold, somePlaces, startServer } from './support/server.mjs';

let server;
let jubouri;
before(async () => {
  server = await startServer();
  const clerk = await server.client('clerk');
  // Registered in Arabic script only: no name in Latin letters anywhere.
  jubouri = await registerHousehold(clerk);
  jubouri = await clerk.patch(`/households/${jubouri.id}`, {
    version: jubouri.version,
    members: jubouri.members.map(({ name_latin: _latin, ...member }) => ({ ...member, name_latin: '' })),
  });
  // A partner organisation has registered Zainab Khalid Al-Obaidi, in Arabic.
  const admin = await server.client('admin');
  const partnerOrg = await admin.post('/organisations', { name: 'Partner Aid' });
  await admin.post('/users', {
    username: 'partner', password: 'partner-pass-2026-long', role: 'registration',
    organisation_id: partnerOrg.id,
  });
  const partner = await apiClient(server.url, 'partner', 'partner-pass-2026-long');
  const { district } = await somePlaces(partner);
  await partner.post('/households', {
    displacement_status: 'returnee', location: { pcode: district.pcode },
    members: [{ given_name: 'زينب', father_name: 'خالد', grandfather_name: 'إبراهيم',
      family_name: 'العبيدي', sex: 'female', birth_date: '1992', relationship: 'head' }],
  });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('typing a Latin spelling of someone registered in Arabic shows "possibly already registered"', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    await page.getByRole('link', { name: 'Register household' }).click();
    await page.getByRole('heading', { name: 'Register household', level: 1 }).waitFor();

    const head = page.getByRole('group', { name: 'Member 1', exact: true });
    await head.getByLabel('Given name').fill('Mohamad');
    await head.getByLabel("Father's name", { exact: true }).fill('Abdelrahman');
    await head.getByLabel("Grandfather's name").fill('Husain');
    await head.getByLabel('Family or tribe name').fill('Al-Juburi');
    await head.getByLabel('Sex').selectOption('male');

    const panel = page.getByRole('region', { name: 'Member 1: possibly already registered' });
    const link = panel.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), `#/households/${jubouri.id}`);
    assert.equal(await link.getAttribute('target'), '_blank', 'opens beside the form, keeping what was typed');

    // Someone registered only by another organisation: a count, no name, no link.
    await page.getByRole('button', { name: 'Add member' }).click();
    const second = page.getByRole('group', { name: 'Member 2', exact: true });
    await second.getByLabel('Name in Latin letters').fill('Zaynab Khaled Ibraheem Al-Obeidi');
    await second.getByLabel('Sex').selectOption('female');
    const other = page.getByRole('region', { name: 'Member 2: possibly already registered' });
    await other.getByText('1 probable match registered by another organisation.').waitFor();
    assert.equal(await other.getByRole('link').count(), 0);
    assert.equal(await other.getByText('العبيدي').count(), 0);

    // A name nobody has: the panel goes away.
    await second.getByLabel('Name in Latin letters').fill('Shirin Bakhtiyar Zangana');
    await other.waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('region', { name: 'Member 1: possibly already registered' }).count(), 1);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('"Find a person" finds the Arabic registration by a Latin spelling and opens the household', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    await page.getByRole('navigation').getByRole('link', { name: 'Find a person' }).click();
    await page.getByRole('heading', { name: 'Find a person', level: 1 }).waitFor();
    await page.getByLabel('Name, phone or document number').fill('Muhammad Abd al-Rahman al-Jbouri');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'محمد عبد الرحمن حسين الجبوري' });
    await row.getByText(`Household ${jubouri.id}`).waitFor();
    await row.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).click();
    await page.getByRole('heading', { name: 'محمد عبد الرحمن حسين الجبوري', level: 1 }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('the search page and the panel speak Arabic and Kurdish, with no English left', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    for (const [language, findPerson, panel] of [
      ['العربية', 'البحث عن شخص', 'الفرد 1: ربما مسجَّل مسبقاً'],
      ['کوردی', 'گەڕان بۆ کەسێک', 'ئەندامی 1: لەوانەیە پێشتر تۆمار کرابێت'],
    ]) {
      await page.getByRole('button', { name: language }).click();
      await page.getByRole('navigation').getByRole('link', { name: findPerson }).click();
      await page.getByRole('heading', { name: findPerson, level: 1 }).waitFor();
      await page.getByRole('searchbox').fill('Mohamad Al-Jubouri');
      await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).waitFor();
      assert.deepEqual(await untranslatedText(page), [], `${language}: search results`);
      await page.goto('/#/households/new');
      await page.locator('#f-members-0-given_name').fill('Mohammed Abdulrahman Al-Jubouri');
      await page.getByRole('region', { name: panel }).waitFor();
      assert.deepEqual(await untranslatedText(page), [], `${language}: the panel`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
