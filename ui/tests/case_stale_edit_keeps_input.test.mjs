// Two people work on the same case: the other one saves first. Saving the stale section gets a
// 409; the section says so plainly, keeps everything typed, shows their version, and lets the
// caseworker save over it or discard theirs and take the latest.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles, waitForValue } from './support/browser.mjs';
import { registerHousehold, startServer } from './support/server.mjs';

const kUsers = {
  amal: { role: 'caseworker', password: 'amal-pass-2026-long', org: 'Relief A', modules: ['child_protection'] },
  sara: { role: 'supervisor', password: 'sara-pass-2026-long', org: 'Relief A', modules: ['child_protection'] },
};

let server;
let amal;
let sara;
let child;
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  amal = await server.client('amal');
  sara = await server.client('sara');
  const household = await registerHousehold(amal, {
    members: [
      { given_name: 'سارة', father_name: 'محمد', family_name: 'الجبوري', sex: 'female', birth_date: '1990',
        relationship: 'head' },
      { given_name: 'علي', father_name: 'محمد', family_name: 'الجبوري', sex: 'male', birth_date: '2015',
        relationship: 'child' },
    ],
  });
  child = household.members.find((m) => m.relationship === 'child');
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

const openCase = () => amal.post('/cases', {
  module: 'child_protection', risk: 'medium', people: [child.id],
  intake: { identified_by: 'outreach', date: '2026-02-01', narrative: 'الطفل يعمل في السوق.' },
  details: { separation: 'separated', caregiver_name: 'خالة الطفل' },
});

test('a stale save keeps the input, shows their version, and can save over it', async () => {
  const c = await openCase();
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'amal', kUsers.amal.password);
    await page.goto(`/#/cases/${c.id}`);
    const intake = page.getByRole('region', { name: 'Intake' });
    await intake.getByRole('button', { name: 'Edit Intake' }).click();
    const narrative = intake.getByLabel('What happened, in the person’s words');
    await waitForValue(narrative, 'الطفل يعمل في السوق.');
    await narrative.fill('الطفل يعمل في السوق ولا يذهب إلى المدرسة.');

    // Meanwhile the supervisor raises the risk.
    await sara.patch(`/cases/${c.id}`, { version: c.version, risk: 'high' });

    const answer = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await intake.getByRole('button', { name: 'Save: Intake' }).click();
    assert.equal((await answer).status(), 409);
    const alert = intake.getByRole('alert').filter({ hasText: 'Someone else changed this case first' });
    await alert.getByText('Your changes have not been saved yet; they are still in the form below.').waitFor();
    await settles(() => narrative.inputValue(), 'الطفل يعمل في السوق ولا يذهب إلى المدرسة.');
    await alert.getByText('See their version of this section').click();
    await alert.getByText('الطفل يعمل في السوق.', { exact: true }).waitFor();

    await alert.getByRole('button', { name: 'Save my version over theirs' }).click();
    await intake.getByRole('status').filter({ hasText: 'Saved: Intake.' }).waitFor();
    await intake.getByText('الطفل يعمل في السوق ولا يذهب إلى المدرسة.').waitFor();
    // The other change is kept, and the header shows it.
    await page.locator('.case-marks').getByText('High risk').waitFor();
    const saved = await amal.get(`/cases/${c.id}`);
    assert.equal(saved.intake.narrative, 'الطفل يعمل في السوق ولا يذهب إلى المدرسة.');
    assert.equal(saved.risk, 'high');
    assert.equal(saved.version, c.version + 2);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('after a stale save the caseworker can discard their changes and take the latest', async () => {
  const c = await openCase();
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'amal', kUsers.amal.password);
    await page.goto(`/#/cases/${c.id}`);
    const details = page.getByRole('region', { name: 'Module details' });
    await details.getByRole('button', { name: 'Edit Module details' }).click();
    await details.getByLabel('Separation').selectOption('unaccompanied');

    await sara.patch(`/cases/${c.id}`, {
      version: c.version, details: { separation: 'separated', caregiver_name: 'جدة الطفل' },
    });
    await details.getByRole('button', { name: 'Save: Module details' }).click();
    const alert = details.getByRole('alert').filter({ hasText: 'Someone else changed this case first' });
    await alert.waitFor();
    await settles(() => details.getByLabel('Separation').inputValue(), 'unaccompanied');
    await alert.getByRole('button', { name: 'Discard my changes and load the latest version' }).click();
    await alert.waitFor({ state: 'detached' });
    await details.getByText('جدة الطفل').waitFor();
    await details.getByText('Separated child').waitFor();
    assert.equal((await amal.get(`/cases/${c.id}`)).details.separation, 'separated');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
