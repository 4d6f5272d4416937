// An M&E officer sets up programmes through the screens: an office (with a volunteer on the
// roster, counted on the office), a project with its sectors, place and budget; records an
// expenditure after confirming its amount (spent follows) and voids another with a reason;
// records a class with its attendance — a registered person and counts of people not
// registered — sees the total, and keeps their entries when someone else saved first. A viewer
// reads the same screens, in Arabic at 360 px, without any button to change them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles, untranslatedText } from './support/browser.mjs';
import { registerHousehold, somePlaces, startServer } from './support/server.mjs';

const kUsers = { mina: { role: 'me_officer', password: 'mina-pass-2026-long' } };
const kPerson = 'محمد عبد الرحمن حسين الجبوري';

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

/** The value of a figure (`<dt>label</dt><dd>value</dd>`). */
const figure = (page, label) => page.locator('.figures > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');

let activityId;

test('office, project, expenditures, an activity with attendance; a stale save keeps the input', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'mina', kUsers.mina.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await page.getByText('No projects yet.').waitFor();
    const tabs = page.getByRole('navigation', { name: 'Projects sections' });

    // An office: its coordinates are checked before sending.
    await tabs.getByRole('link', { name: 'Offices' }).click();
    await page.getByRole('button', { name: 'Add an office' }).click();
    const officeForm = page.getByRole('region', { name: 'Add an office' });
    await officeForm.getByRole('button', { name: 'Save office' }).click();
    await officeForm.getByRole('alert').getByText('Name: Required.').waitFor();
    await officeForm.getByLabel('Name', { exact: true }).fill('Erbil office');
    await officeForm.getByLabel(/^Name in Arabic/).fill('مكتب أربيل');
    await officeForm.getByLabel('Governorate').selectOption(places.governorate.pcode);
    await officeForm.getByLabel('District', { exact: true }).selectOption(places.district.pcode);
    await officeForm.getByLabel('Latitude (N)').fill('52.1');
    await officeForm.getByLabel('Longitude (E)').fill('44.01');
    await officeForm.getByRole('button', { name: 'Save office' }).click();
    await officeForm.getByText('Must be inside Iraq: between 29 and 38.').first().waitFor();
    await officeForm.getByLabel('Latitude (N)').fill('36.19');
    await officeForm.getByLabel('Show this office on the public page').check();
    await officeForm.getByRole('button', { name: 'Save office' }).click();
    await page.getByRole('status').filter({ hasText: 'Office “Erbil office” saved.' }).waitFor();
    const officeRow = page.getByRole('row').filter({ hasText: 'Erbil office' });
    await officeRow.getByText('Public').waitFor();
    await settles(() => officeRow.locator('td.num').allTextContents(), ['0', '0'], 'no staff, no volunteers');

    // A volunteer on the roster is counted on the office.
    await tabs.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { name: 'Staff and volunteers', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add a person' }).click();
    const staffForm = page.getByRole('region', { name: 'Add a staff member or volunteer' });
    await staffForm.getByLabel('Office').selectOption({ label: 'Erbil office' });
    await staffForm.getByLabel('Staff or volunteer').selectOption('volunteer');
    await staffForm.getByLabel('Name', { exact: true }).fill('Shilan Aziz');
    await staffForm.getByRole('group', { name: 'Languages' }).getByLabel('Kurdish (Sorani)').check();
    await staffForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: '“Shilan Aziz” saved.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Shilan Aziz' }).getByText('Kurdish (Sorani)').waitFor();
    await tabs.getByRole('link', { name: 'Offices' }).click();
    const counted = page.getByRole('row').filter({ hasText: 'Erbil office' });
    await counted.waitFor();
    await settles(() => counted.locator('td.num').allTextContents(), ['0', '1']);

    // A project: problems are listed and shown next to their fields.
    await tabs.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('link', { name: 'New project' }).click();
    await page.getByRole('heading', { name: 'New project', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Save project' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Please correct the following:' });
    await summary.getByText('Code: Required.').waitFor();
    await summary.getByText('Sectors: Choose at least one sector.').waitFor();
    await page.getByLabel('Code').fill('PRJ-26-01');
    await page.getByLabel('Name', { exact: true }).fill('Protection in Ninewa Plains');
    await page.getByLabel(/^Donor/).fill('ECHO');
    await page.getByLabel('Status').selectOption('ongoing');
    await page.getByLabel(/^Office/).selectOption({ label: 'Erbil office' });
    await page.getByLabel('Starts on').fill('2026-01-01');
    const sectors = page.getByRole('group', { name: 'Sectors' });
    await sectors.getByLabel('Protection', { exact: true }).check();
    await sectors.getByLabel('Mental health and psychosocial support').check();
    const toAdd = page.getByRole('group', { name: 'Place to add' });
    await toAdd.getByLabel('Governorate').selectOption(places.governorate.pcode);
    await toAdd.getByLabel('District', { exact: true }).selectOption(places.district.pcode);
    await page.getByRole('button', { name: 'Add this place' }).click();
    await page.getByRole('list', { name: 'Places of the project' })
      .getByRole('button', { name: `Remove ${places.governorate.name_en} › ${places.district.name_en}` }).waitFor();
    await page.getByLabel('Currency').selectOption('USD');
    await page.getByLabel('Budget', { exact: true }).fill('10000');
    await page.getByRole('button', { name: 'Save project' }).click();
    await page.getByRole('heading', { name: 'Protection in Ninewa Plains', level: 1 }).waitFor();
    await page.getByText('Spent 0.00 USD of 10,000.00 USD (0%)').waitFor();
    const projectUrl = page.url();

    // An indicator of the project: people reached by its activities, against a target.
    const indicators = page.getByRole('region', { name: 'Indicators' });
    await indicators.getByText('No indicators defined for this project yet.').waitFor();
    await indicators.getByRole('button', { name: 'Add an indicator' }).click();
    const indForm = page.getByRole('region', { name: 'Add an indicator' });
    await indForm.getByLabel('Code').fill('P1.1');
    await indForm.getByLabel('Indicator', { exact: true }).fill('Children in literacy classes');
    await indForm.getByLabel('Measure').selectOption('people_reached');
    await indForm.getByRole('group', { name: 'Sources' }).getByLabel('Activities (attendance)').check();
    await indForm.getByLabel(/^Target/).fill('20');
    await indForm.getByRole('button', { name: 'Save indicator' }).click();
    await page.getByRole('status').filter({ hasText: 'Indicator P1.1 saved.' }).waitFor();
    const progressRow = indicators.getByRole('row').filter({ hasText: 'Children in literacy classes' });
    await progressRow.waitFor();
    await settles(() => progressRow.locator('td').allTextContents(), ['0', '20', '0%', '0']);

    // An expenditure: too many decimals is refused next to the field; the amount is confirmed.
    const expForm = page.getByRole('form', { name: 'Record an expenditure' });
    await expForm.getByLabel('Amount (USD)').fill('2500.505');
    await expForm.getByLabel('Category').selectOption('supplies');
    await expForm.getByLabel('Description').fill('Hygiene kits');
    await expForm.getByRole('button', { name: 'Record expenditure' }).click();
    await expForm.getByText('Too many decimals for this currency').waitFor();
    await expForm.getByLabel('Amount (USD)').fill('2500.50');
    await expForm.getByRole('button', { name: 'Record expenditure' }).click();
    const confirm = page.getByRole('dialog', { name: 'Record this expenditure?' });
    await confirm.getByText('2,500.50 USD').waitFor();
    await confirm.getByRole('button', { name: 'Yes, record it' }).click();
    await page.getByRole('status').filter({ hasText: 'Expenditure of 2,500.50 USD recorded.' }).waitFor();
    await page.getByText('Spent 2,500.50 USD of 10,000.00 USD (25%)').waitFor();

    // A second one, recorded by mistake, is voided with a reason: spent goes back.
    await expForm.getByLabel('Amount (USD)').fill('100');
    await expForm.getByLabel('Description').fill('Taxi, typed twice');
    await expForm.getByRole('button', { name: 'Record expenditure' }).click();
    await confirm.getByRole('button', { name: 'Yes, record it' }).click();
    await page.getByText('Spent 2,600.50 USD of 10,000.00 USD (26%)').waitFor();
    const mistake = page.getByRole('row').filter({ hasText: 'Taxi, typed twice' });
    await mistake.getByRole('button', { name: /^Void/ }).click();
    const voidDialog = page.getByRole('dialog', { name: 'Void this expenditure?' });
    await voidDialog.getByRole('button', { name: 'Void expenditure' }).click();
    await voidDialog.getByText('Required.').waitFor();
    await voidDialog.getByLabel('Reason').fill('Recorded twice');
    await voidDialog.getByRole('button', { name: 'Void expenditure' }).click();
    await mistake.getByText('Voided').waitFor();
    await mistake.getByText('Recorded twice').waitFor();
    await page.getByText('Spent 2,500.50 USD of 10,000.00 USD (25%)').waitFor();

    // A class of the project: the type asks for the number of sessions; the sectors offered
    // are the project's.
    await page.getByRole('link', { name: 'Record an activity' }).click();
    await page.getByRole('heading', { name: 'Record an activity', level: 1 }).waitFor();
    await page.getByLabel('Type').selectOption('class');
    await page.getByLabel('Title').fill('Literacy class for girls');
    const sector = page.getByLabel('Sector');
    await sector.locator('option', { hasText: 'Mental health and psychosocial support' }).waitFor({ state: 'attached' });
    await settles(() => sector.locator('option').allTextContents(),
      ['Choose…', 'Protection', 'Mental health and psychosocial support']);
    await sector.selectOption('protection');
    assert.equal(await page.getByLabel(/^Office/).inputValue() !== '', true, 'the project’s office is proposed');
    await page.getByLabel('Number of sessions').fill('4');
    await page.getByLabel('Date (or first day)').fill('2026-03-02');
    const where = page.getByRole('group', { name: 'Place', exact: true });
    await where.getByLabel('Governorate').selectOption(places.governorate.pcode);
    await where.getByLabel('District', { exact: true }).selectOption(places.district.pcode);
    await page.getByLabel(/^Site/).fill('Qaraqosh youth centre');
    await page.getByRole('button', { name: 'Save activity' }).click();
    await page.getByRole('heading', { name: 'Literacy class for girls', level: 1 }).waitFor();
    activityId = Number(/#\/activities\/(\d+)/.exec(page.url())[1]);

    // Attendance: a registered person with the sessions attended, and counts.
    await page.getByRole('link', { name: 'Record attendance' }).click();
    await page.getByRole('heading', { name: 'Attendance: Literacy class for girls', level: 1 }).waitFor();
    await page.getByLabel('Find a registered person').fill('الجبوري');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('list', { name: 'People found' }).getByRole('button', { name: `Add ${kPerson}` }).click();
    const attendee = page.getByRole('group', { name: kPerson });
    const sessions = attendee.getByLabel('Sessions attended (of 4)');
    await settles(() => sessions.inputValue(), '4', 'every session by default');
    await sessions.fill('3');
    await page.getByLabel('Population group').selectOption('idp');
    await page.getByRole('button', { name: 'Add counts for this group' }).click();
    const idp = page.getByRole('group', { name: 'Counted: Displaced (IDP)' });
    await idp.getByLabel('Displaced (IDP), Female, 6–17 years').fill('5');
    await idp.getByLabel('Displaced (IDP), Male, 6–17 years').fill('2');
    await page.getByText('Total 8: 1 registered, 7 counted').waitFor();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByRole('status').filter({ hasText: 'Attendance saved: 8 participants.' }).waitFor();
    await settles(() => figure(page, 'Total participants').textContent(), '8');
    await settles(() => figure(page, 'Counted, not registered').textContent(), '7');

    // Someone else saves the activity meanwhile: the stale save says so and keeps the entries.
    const admin = await server.client('admin');
    const current = await admin.get(`/activities/${activityId}`);
    await admin.patch(`/activities/${activityId}`, { version: current.version, facilitator: 'Nour' });
    await idp.getByLabel('Displaced (IDP), Female, 6–17 years').fill('6');
    const answer = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save attendance' }).click();
    assert.equal((await answer).status(), 409);
    const stale = page.getByRole('alert').filter({ hasText: 'Someone else saved the attendance of this activity first.' });
    await stale.waitFor();
    await settles(() => idp.getByLabel('Displaced (IDP), Female, 6–17 years').inputValue(), '6');
    await settles(() => sessions.inputValue(), '3');
    await stale.getByRole('button', { name: 'Save mine over theirs' }).click();
    await page.getByRole('status').filter({ hasText: 'Attendance saved: 9 participants.' }).waitFor();
    const saved = await admin.get(`/activities/${activityId}/attendance`);
    assert.equal(saved.people.length, 1);
    assert.equal(saved.people[0].sessions_attended, 3);
    assert.deepEqual(saved.counts.map((c) => [c.sex, c.age_group, c.population_group, c.count]).sort(),
      [['female', '6-17', 'idp', 6], ['male', '6-17', 'idp', 2]]);

    // The total is on the activity list and on the project.
    await nav.getByRole('link', { name: 'Activities' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Literacy class for girls' });
    await row.waitFor();
    await settles(() => row.locator('td.num').textContent(), '9');
    await page.goto(projectUrl);
    await page.getByRole('region', { name: 'Activities of the project' }).getByRole('link', { name: 'Literacy class for girls' }).waitFor();

    // The indicator counts the class: 1 registered person and 8 counted, each served once.
    await progressRow.getByText('of which 8 counted').waitFor();
    await settles(() => progressRow.locator('td').allTextContents(), ['9of which 8 counted', '20', '45%', '9']);
    await progressRow.getByRole('link', { name: /P1\.1/ }).click();
    await page.getByRole('heading', { name: 'P1.1 Children in literacy classes', level: 1 }).waitFor();
    await figure(page, 'Value').filter({ hasText: '9' }).waitFor();
    const cells = page.getByRole('table', { name: 'By sex, age group and population group' });
    await settles(() => cells.getByRole('row').filter({ hasText: 'Female' }).filter({ hasText: '6–17 years' }).locator('td.num').textContent(), '6');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('a viewer reads programmes in Arabic at 360 px without buttons to change them', async () => {
  assert.ok(activityId, 'the activity of the first test');
  const browser = await openBrowser(server.url, { width: 360, height: 780 });
  const { page, errors } = browser;
  try {
    await logIn(page, 'viewer');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('row').filter({ hasText: 'PRJ-26-01' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'New project' }).count(), 0);
    assert.equal(await page.getByRole('navigation', { name: 'Projects sections' }).getByRole('link', { name: 'Staff' }).count(), 0,
      'the roster is for managers');
    await page.getByRole('link', { name: 'Protection in Ninewa Plains' }).click();
    await page.getByText('Spent 2,500.50 USD of 10,000.00 USD (25%)').waitFor();
    await page.getByRole('row').filter({ hasText: 'Hygiene kits' }).waitFor();
    for (const name of ['Edit project', 'Record an activity', 'Add an indicator']) {
      assert.equal(await page.getByRole('link', { name }).or(page.getByRole('button', { name })).count(), 0, name);
    }
    assert.equal(await page.getByRole('form', { name: 'Record an expenditure' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Void/ }).count(), 0);

    await page.goto(`/#/activities/${activityId}`);
    await page.getByRole('heading', { name: 'Literacy class for girls', level: 1 }).waitFor();
    await settles(() => figure(page, 'Total participants').textContent(), '9');
    for (const name of ['Record attendance', 'Edit activity', 'Cancel activity']) {
      assert.equal(await page.getByRole('link', { name }).or(page.getByRole('button', { name })).count(), 0, name);
    }

    // In Arabic: right to left, translated, and nothing wider than the screen.
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByText('مجموع المشاركين').waitFor();
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
    assert.deepEqual(await untranslatedText(page), [], 'no English left on the Arabic activity page');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scrolling');
    await page.goto('/#/projects');
    await page.getByRole('heading', { name: 'المشاريع', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: 'PRJ-26-01' }).waitFor();
    assert.deepEqual(await untranslatedText(page), [], 'no English left on the Arabic project list');
    await page.screenshot({ path: '/tmp/sanad-projects-ar-360.png', fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
