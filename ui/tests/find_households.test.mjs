// The household list: the empty state of a new registry; finding a household by a variant
// Arabic spelling, by phone and by document number; filtering by governorate → district →
// subdistrict and by displacement status; "nothing matches"; and paging 25 at a time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

let server;
let clerk;
before(async () => {
  server = await startServer();
  clerk = await server.client('clerk');
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

/** Two governorate → district → subdistrict chains in different governorates. */
async function twoChains() {
  const children = async (level, parent) =>
    (await clerk.get(`/places?level=${level}&parent=${encodeURIComponent(parent)}`)).items;
  const chains = [];
  for (const governorate of (await clerk.get('/places?level=1')).items) {
    for (const district of await children(2, governorate.pcode)) {
      const [subdistrict] = await children(3, district.pcode);
      if (subdistrict) {
        chains.push({ governorate, district, subdistrict });
        break;
      }
    }
    if (chains.length === 2) return chains;
  }
  throw new Error('fewer than two governorates with subdistricts');
}

const head = (given_name, father_name, family_name, extra = {}) =>
  ({ given_name, father_name, family_name, sex: 'male', relationship: 'head', ...extra });

const kFillers = 24;
let fixtures = null;

/** 27 households: three to look for and 25 fillers elsewhere, all through the API. */
function registerFixtures() {
  fixtures ??= (async () => {
    const [a, b] = await twoChains();
    const post = (body) => clerk.post('/households', body);
    const mohammed = await post({
      displacement_status: 'idp_in_camp', location: { pcode: a.subdistrict.pcode },
      phone: '+9647501234567',
      members: [head('محمد', 'عبد الرحمن', 'الجبوري', { documents: [{ type: 'national_id', number: '199012345678' }] })],
    });
    const fatima = await post({
      displacement_status: 'returnee', location: { pcode: a.district.pcode },
      phone: '07809876543',
      members: [head('فاطمة', 'حسن', 'العبيدي', {
        sex: 'female', documents: [{ type: 'passport', number: 'A7654321' }] })],
    });
    const ahmed = await post({
      displacement_status: 'refugee', location: { pcode: b.subdistrict.pcode },
      members: [head('أحمد', 'كريم', 'الزبيدي')],
    });
    for (let i = 0; i < kFillers; i++) {
      await post({
        displacement_status: 'host_community', location: { pcode: b.district.pcode },
        members: [head('سعد', 'جاسم', 'التميمي', { name_latin: `Saad Jasim Al-Tamimi ${i + 1}` })],
      });
    }
    return { a, b, mohammed, fatima, ahmed };
  })();
  return fixtures;
}

const kMohammed = 'محمد عبد الرحمن الجبوري';
const kFatima = 'فاطمة حسن العبيدي';
const kAhmed = 'أحمد كريم الزبيدي';

async function search(page, text) {
  await page.getByLabel('Search', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

const range = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor();

test('a new registry says there are no households yet and offers to register one', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    await page.getByRole('status').filter({ hasText: 'No households registered yet.' }).waitFor();
    await page.getByRole('link', { name: 'Register the first household' }).click();
    await page.getByRole('heading', { name: 'Register household', level: 1 }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('finds a household by a variant Arabic spelling, by phone and by document number', async () => {
  await registerFixtures();
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    // Typed without hamza (احمد for أحمد) and with ha for ta marbuta (فاطمه for فاطمة).
    for (const [text, name] of [['احمد', kAhmed], ['فاطمه', kFatima], ['عبدالرحمن', kMohammed]]) {
      await search(page, text);
      await range(page, '1–1 of 1');
      await page.getByRole('link', { name, exact: true }).waitFor();
    }
    // Phone as written on paper, with spaces; a document number.
    await search(page, '0780 987 6543');
    await range(page, '1–1 of 1');
    await page.getByRole('link', { name: kFatima, exact: true }).waitFor();
    await search(page, '199012345678');
    await range(page, '1–1 of 1');
    await page.getByRole('link', { name: kMohammed, exact: true }).waitFor();

    // The search lives in the address: reload keeps it, and the household opens from the list.
    await page.reload();
    await settles(() => page.getByLabel('Search', { exact: true }).inputValue(), '199012345678');
    await page.getByRole('link', { name: kMohammed, exact: true }).click();
    await page.getByRole('heading', { name: kMohammed, level: 1 }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('filters by governorate, district, subdistrict and status, says when nothing matches, pages by 25', async () => {
  const { a } = await registerFixtures();
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    await range(page, '1–25 of 27');

    const filters = page.getByRole('search', { name: 'Filters' });
    await filters.getByLabel('Governorate').selectOption(a.governorate.pcode);
    await range(page, '1–2 of 2');
    await page.getByRole('link', { name: kMohammed, exact: true }).waitFor();
    await page.getByRole('link', { name: kFatima, exact: true }).waitFor();
    await filters.getByLabel('District', { exact: true }).selectOption(a.district.pcode);
    await range(page, '1–2 of 2');
    await filters.getByLabel('Subdistrict').selectOption(a.subdistrict.pcode);
    await range(page, '1–1 of 1');
    await page.getByRole('link', { name: kMohammed, exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: kFatima, exact: true }).count(), 0);

    // A status that nobody in this subdistrict has: the "nothing matches" state, then Clear.
    await filters.getByLabel('Displacement status').selectOption('returnee');
    const nothing = page.getByRole('status').filter({ hasText: 'No household matches this search or these filters.' });
    await nothing.waitFor();
    await nothing.getByRole('button', { name: 'Clear' }).click();
    await range(page, '1–25 of 27');
    await settles(() => filters.getByLabel('Governorate').inputValue(), '');

    await filters.getByLabel('Displacement status').selectOption('returnee');
    await range(page, '1–1 of 1');
    await page.getByRole('link', { name: kFatima, exact: true }).waitFor();
    await filters.getByLabel('Displacement status').selectOption('');

    // Newest first, 25 a page.
    await range(page, '1–25 of 27');
    const pages = page.getByRole('navigation', { name: 'Pages' });
    assert.equal(await pages.getByRole('button', { name: 'Previous' }).isDisabled(), true);
    await pages.getByRole('button', { name: 'Next' }).click();
    await range(page, '26–27 of 27');
    await page.getByRole('link', { name: kFatima, exact: true }).waitFor();
    await page.getByRole('link', { name: kMohammed, exact: true }).waitFor();
    assert.equal(await pages.getByRole('button', { name: 'Next' }).isDisabled(), true);
    await pages.getByRole('button', { name: 'Previous' }).click();
    await range(page, '1–25 of 27');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
