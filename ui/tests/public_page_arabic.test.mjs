// Anyone, without logging in, opens /public, switches to Arabic: the page is right to left, "in
// figures" shows the people reached and the projects, the two volunteers are "fewer than 5"
// (suppressed), clicking the Erbil mission on the map shows its activities — and no name of a
// person served or of a volunteer appears anywhere on the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, openBrowser, settles } from './support/browser.mjs';
import { figure, recordErbilActivity } from './support/programmes.mjs';
import { registerHousehold, startServer } from './support/server.mjs';

const kUsers = { mona: { role: 'me_officer', password: 'mona-pass-2026-long' } };
const kVolunteers = ['Layla Hassan Volunteer', 'Karwan Aziz Volunteer'];

let server;
let names;
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  const clerk = await server.client('clerk');
  const household = await registerHousehold(clerk);
  names = household.members.flatMap((m) => [m.given_name, m.family_name, m.name_latin]).filter(Boolean);
  const mona = await server.client('mona');
  // The public figures are this year's: the project and the activity are dated today. Both
  // members registered and 20 counted: 22 people reached, every cell above the threshold.
  const today = new Date().toISOString().slice(0, 10);
  const { office } = await recordErbilActivity(mona, {
    project: { code: 'PRJ-PUB-1', public: true },
    startsOn: today,
    people: household.members.map((m) => m.id),
    counts: [
      { sex: 'female', age_group: '18-59', population_group: 'idp', count: 12 },
      { sex: 'male', age_group: '18-59', population_group: 'idp', count: 8 },
    ],
  });
  for (const name of kVolunteers) {
    await mona.post('/staff', { office_id: office.id, kind: 'volunteer', name, sex: 'female', phone: '+9647701234567' });
  }
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('the public page in Arabic: figures, a mission’s activities, and no person’s name', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await page.goto('/public');
    await page.getByRole('heading', { name: 'Test Org: our work in Iraq', level: 1 }).waitFor();
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { name: 'Test Org: عملنا في العراق', level: 1 }).waitFor();
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);

    const figures = page.getByRole('region', { name: 'بالأرقام' });
    await settles(() => figure(figures, 'الأشخاص الذين تم الوصول إليهم').textContent(), '22');
    await settles(() => figure(figures, 'مشاريع جارية').textContent(), '1');
    await settles(() => figure(figures, 'مشاريع منجزة').textContent(), '0');
    await settles(() => figure(figures, 'المتطوعون').textContent(), 'أقل من 5');
    assert.match(await figure(figures, 'الميزانية المصروفة').textContent(), /10,000\.00/);
    await figures.getByRole('table', { name: 'الأشخاص الذين تم الوصول إليهم حسب القطاع' })
      .getByRole('row', { name: /الحماية/ }).getByText('22').waitFor();

    // The mission is a point on the map; clicking it shows its figures and activities.
    const map = page.getByRole('region', { name: /^خريطة العراق/ });
    await map.getByRole('button', { name: 'مكتب أربيل', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'مكتب أربيل' });
    await settles(() => figure(panel, 'الأشخاص الذين تم الوصول إليهم').textContent(), '22');
    const activities = panel.getByRole('table', { name: 'الأنشطة' });
    const row = activities.getByRole('row', { name: /جلسات توعية/ });
    assert.match(await row.textContent(), /الحماية/);
    await settles(() => row.getByRole('cell').allTextContents(), ['1', '22']);

    await page.screenshot({ path: '/tmp/sanad-public-ar.png', fullPage: true });
    const html = await page.content();
    for (const name of [...names, ...kVolunteers, '+9647701234567', '+9647501234567']) {
      assert.ok(!html.includes(name), `"${name}" is on the public page`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
