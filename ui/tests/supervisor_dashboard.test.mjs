// A GBV supervisor sees the team's caseload and a closure request on the case dashboard, opens
// the case and approves the closure; another request is sent back to follow-up with a reason.
// The caseworker who asked waits for the supervisor (no approve button). The dashboard and the
// case page work in Arabic at 360 px wide with no English left.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, untranslatedText } from './support/browser.mjs';
import { registerHousehold, startServer } from './support/server.mjs';

const kUsers = {
  amal: { role: 'caseworker', password: 'amal-pass-2026-long', org: 'Relief A', modules: ['gbv'] },
  sara: { role: 'supervisor', password: 'sara-pass-2026-long', org: 'Relief A', modules: ['gbv'] },
};

let server;
let amal;
let person;
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  amal = await server.client('amal');
  const household = await registerHousehold(amal);
  person = household.members.find((m) => m.relationship === 'spouse');
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

/** A GBV case of amal's, taken through the workflow to a closure request. */
async function caseAskingClosure(reason) {
  let c = await amal.post('/cases', {
    module: 'gbv', risk: 'high', people: [person.id],
    intake: { identified_by: 'self', date: '2026-01-10', narrative: 'سردية' },
    consent: { registration: true, contact: true, share_with: [], share_fields: [] },
    details: { violence_type: 'psychological_abuse' },
  });
  for (const status of ['assessment', 'case_plan', 'follow_up']) {
    c = await amal.post(`/cases/${c.id}/status`, { status, version: c.version });
  }
  return amal.post(`/cases/${c.id}/status`, { status: 'closure_requested', version: c.version, reason });
}

test('the supervisor finds a closure request on the dashboard and approves it', async () => {
  const c = await caseAskingClosure('Safe now, plan completed.');
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    // The caseworker who asked cannot approve: the page says who decides.
    await logIn(page, 'amal', kUsers.amal.password);
    await page.goto(`/#/cases/${c.id}`);
    await page.getByRole('status').filter({ hasText: 'waiting for a supervisor of this module' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Approve closure' }).count(), 0);
    await page.getByRole('button', { name: 'Log out' }).click();

    await logIn(page, 'sara', kUsers.sara.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'Case dashboard' }).click();
    await page.getByRole('heading', { name: 'Case dashboard', level: 1 }).waitFor();
    const caseload = page.getByRole('region', { name: 'The team’s caseload' });
    await caseload.getByRole('row').filter({ hasText: 'amal' }).waitFor();
    const closures = page.getByRole('region', { name: 'Closure requests to approve' });
    await closures.getByRole('link', { name: c.reference }).click();

    await page.getByRole('heading', { name: c.reference, level: 1 }).waitFor();
    await page.locator('.case-marks').getByText('Closure requested').waitFor();
    await page.getByRole('region', { name: 'Closure' }).getByText('Safe now, plan completed.').waitFor();
    await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Approve closure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve the closure?' });
    await dialog.getByRole('button', { name: 'Approve closure' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.case-marks').getByText('Closed', { exact: true }).waitFor();
    // A closed case is read-only until reopened.
    await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Reopen' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Edit/ }).count(), 0);
    assert.equal((await amal.get(`/cases/${c.id}`)).status, 'closed');

    await page.getByRole('link', { name: 'Back to cases' }).click();
    await page.getByRole('link', { name: 'Case dashboard' }).click();
    await page.getByRole('region', { name: 'Closure requests to approve' })
      .getByText('No closure requests are waiting.').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('the supervisor sends a closure request back with a reason', async () => {
  const c = await caseAskingClosure('Moved to another governorate.');
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'sara', kUsers.sara.password);
    await page.goto('/#/cases?view=closure_requests');
    await page.getByRole('link', { name: 'Closure requests' }).and(page.locator('[aria-current="page"]')).waitFor();
    await page.getByRole('row').filter({ hasText: c.reference }).getByRole('link', { name: c.reference }).click();
    await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Send back' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send the case back to follow-up?' });
    await dialog.getByRole('button', { name: 'Send back' }).click();
    await dialog.getByText('Required.').waitFor();
    await dialog.getByLabel('Reason').fill('Confirm the new address first.');
    await dialog.getByRole('button', { name: 'Send back' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.case-marks').getByText('Follow-up', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Confirm the new address first.').waitFor();
    assert.equal((await amal.get(`/cases/${c.id}`)).status, 'follow_up');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

async function assertFits(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} is ${overflow}px wider than the screen`);
}

test('the dashboard and a case work in Arabic at 360 px wide, with no English left', async () => {
  const c = await caseAskingClosure('آمنة الآن.');
  const browser = await openBrowser(server.url, { width: 360, height: 740 });
  const { page, errors } = browser;
  try {
    await logIn(page, 'sara', kUsers.sara.password);
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.goto('/#/cases/dashboard');
    await page.getByRole('heading', { name: 'لوحة متابعة الحالات', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'طلبات إغلاق بانتظار الموافقة' }).getByRole('link', { name: c.reference }).waitFor();
    await assertFits(page, 'the dashboard');
    assert.deepEqual(await untranslatedText(page), [], 'English left on the dashboard');

    await page.goto(`/#/cases/${c.id}`);
    await page.getByRole('heading', { name: c.reference, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'الموافقة على الإغلاق' }).waitFor();
    await page.getByRole('region', { name: 'التسلسل الزمني' }).getByRole('listitem').first().waitFor();
    await assertFits(page, 'the case page');
    assert.deepEqual(await untranslatedText(page), [], 'English left on the case page');
    await page.screenshot({ path: '/tmp/sanad-case-ar-360.png', fullPage: true });

    await page.goto('/#/cases?view=team');
    await page.getByRole('heading', { name: 'الحالات', level: 1 }).waitFor();
    await page.getByRole('link', { name: c.reference }).waitFor();
    await assertFits(page, 'the case list');
    assert.deepEqual(await untranslatedText(page), [], 'English left on the case list');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
