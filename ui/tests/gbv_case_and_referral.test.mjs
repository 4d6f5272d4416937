// A GBV caseworker of organisation A opens a case for a registered woman, moves it to the case
// plan and writes one, then refers her to organisation B's safe space, sharing only what her
// consent allows. B's caseworker accepts the referral in the inbox; the A caseworker sees it
// accepted in the outbox and on the case's timeline.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles } from './support/browser.mjs';
import { registerHousehold, somePlaces, startServer } from './support/server.mjs';

const kUsers = {
  amal: { role: 'caseworker', password: 'amal-pass-2026-long', org: 'Relief A', modules: ['gbv'] },
  hana: { role: 'supervisor', password: 'hana-pass-2026-long', org: 'Women Care B', modules: ['gbv'] },
  zina: { role: 'caseworker', password: 'zina-pass-2026-long', org: 'Women Care B', modules: ['gbv'] },
};
const kService = 'Safe space for women and girls, Khanke';

let server;
let household;
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  // The woman is registered by organisation A (the registry is scoped by organisation).
  household = await registerHousehold(await server.client('amal'));
  const hana = await server.client('hana');
  const { district } = await somePlaces(hana);
  await hana.post('/services', {
    type: 'gbv_safe_space', name: kService, pcode: district.pcode, contact_name: 'Hana',
    contact_phone: '+9647501112233', contact_email: '', eligibility: 'Women and girls from 12 years',
  });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('a GBV case is opened, planned and referred; the other organisation accepts the referral', async () => {
  const a = await openBrowser(server.url);
  const { page, errors } = a;
  let referralId;
  try {
    await logIn(page, 'amal', kUsers.amal.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'You have no cases yet.' }).waitFor();

    // Open the case.
    await page.getByRole('link', { name: 'Open a case' }).first().click();
    await page.getByRole('heading', { name: 'Open a case', level: 1 }).waitFor();
    await settles(() => page.getByLabel('Module').inputValue(), 'gbv');
    await page.getByRole('button', { name: 'Open case' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Please correct the following:' });
    await problems.getByText('Risk: Required.').waitFor();
    await problems.getByText('People: Choose at least one registered person.').waitFor();

    await page.getByLabel('Risk', { exact: true }).selectOption('high');
    await page.getByLabel('Find a registered person').fill('فاطمة الجبوري');
    await page.getByRole('button', { name: 'Search the registry' }).click();
    await page.getByRole('button', { name: 'Add فاطمة علي الجبوري' }).click();
    await page.getByRole('list', { name: 'Chosen people' }).getByRole('button', { name: 'Remove فاطمة علي الجبوري' }).waitFor();
    await page.getByLabel('How the person was identified').selectOption('outreach');
    await page.getByLabel('What happened, in the person’s words').fill('تعرضت للضرب من زوجها.');
    await page.getByLabel('The person agrees to be registered for case management').check();
    await page.getByLabel('The person agrees to be contacted').check();
    const shareWith = page.getByRole('group', { name: 'Organisations that may receive a referral' });
    await shareWith.getByLabel('Women Care B').check();
    const shareFields = page.getByRole('group', { name: 'What may be shared in a referral' });
    for (const field of ['Name', 'Sex', 'Age']) await shareFields.getByLabel(field, { exact: true }).check();
    await page.getByLabel('Type of violence').selectOption('physical_assault');
    await page.getByRole('button', { name: 'Open case' }).click();

    const title = page.getByRole('heading', { level: 1, name: /^GBV-\d{6}$/ });
    await title.waitFor();
    const reference = (await title.textContent()).trim();
    const caseId = Number(/#\/cases\/(\d+)$/.exec(page.url())[1]);
    await page.getByText('High risk').first().waitFor();
    await page.getByRole('region', { name: 'Consent' }).getByText('Women Care B').waitFor();

    // Assessment, then the case plan.
    const steps = page.getByRole('group', { name: 'Next steps' });
    await steps.getByRole('button', { name: 'Start assessment' }).click();
    await steps.getByRole('button', { name: 'Move to case plan' }).click();
    await steps.getByRole('button', { name: 'Move to follow-up' }).waitFor();
    await page.locator('.case-marks').getByText('Case plan', { exact: true }).waitFor();

    const plan = page.getByRole('region', { name: 'Case plan' });
    await plan.getByRole('button', { name: 'Edit Case plan' }).click();
    const goal = plan.getByRole('group', { name: 'Goal 1' });
    await goal.getByLabel('Goal', { exact: true }).fill('خطة سلامة');
    const action = goal.getByRole('group', { name: 'Action 1' });
    await action.getByLabel('Action', { exact: true }).fill('Visit the safe space');
    await action.getByLabel('Who does it').fill('Amal');
    await action.getByLabel('Due date').fill('2030-01-15');
    await plan.getByRole('button', { name: 'Add a goal' }).click();
    await plan.getByRole('group', { name: 'Goal 2' }).getByLabel('Goal', { exact: true }).fill('Medical care');
    await plan.getByRole('button', { name: 'Save: Case plan' }).click();
    // The second goal's action was left empty: the check names it, the input is kept.
    await plan.getByRole('alert').getByText(/Action: Required\./).waitFor();
    await plan.getByRole('button', { name: 'Remove action 1 of goal 2' }).click();
    await plan.getByRole('button', { name: 'Save: Case plan' }).click();
    await plan.getByRole('status').filter({ hasText: 'Saved: Case plan.' }).waitFor();
    await plan.getByText('خطة سلامة').waitFor();
    await plan.getByRole('button', { name: 'Mark done Visit the safe space' }).click();
    await plan.getByRole('button', { name: 'Mark not done Visit the safe space' }).waitFor();
    const saved = await (await server.client('amal')).get(`/cases/${caseId}`);
    assert.equal(saved.plan.goals.length, 2);
    assert.deepEqual(saved.plan.goals[0].actions[0],
      { action: 'Visit the safe space', responsible: 'Amal', due: '2030-01-15', done: true });

    // Refer to organisation B's safe space, sharing only what the consent allows.
    await page.getByRole('button', { name: 'Refer', exact: true }).click();
    const form = page.getByRole('region', { name: 'Refer to a service' });
    await settles(() => form.getByLabel('Type of service').inputValue(), 'gbv_safe_space');
    await form.getByRole('radio', { name: new RegExp(kService) }).check();
    await form.getByLabel('Urgency').selectOption('urgent');
    await form.getByLabel('Reason for the referral').fill('Needs a safe place and psychosocial support.');
    const share = form.getByRole('group', { name: 'What to share with the service' });
    assert.equal(await share.getByLabel('Phone').isDisabled(), true);
    assert.equal(await share.getByLabel('Location').isDisabled(), true);
    await share.getByLabel('Name').check();
    await share.getByLabel('Age').check();
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/referrals') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Send referral' }).click();
    const answer = await sent;
    assert.equal(answer.status(), 201);
    referralId = (await answer.json()).id;
    await page.getByRole('status').filter({ hasText: 'Referral sent:' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Sent', { exact: true }).waitFor();
    assert.deepEqual(errors, []);

    // Organisation B's caseworker accepts it in the inbox and sees only what was shared.
    const b = await openBrowser(server.url);
    try {
      await logIn(b.page, 'zina', kUsers.zina.password);
      await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
      await b.page.getByRole('heading', { name: 'Referrals', level: 1 }).waitFor();
      const row = b.page.getByRole('row').filter({ hasText: `Referral ${referralId}` });
      await row.getByText('Relief A').waitFor();
      await row.getByText('Urgent').waitFor();
      await row.getByRole('button', { name: `Accept Referral ${referralId}` }).click();
      await row.getByText('Accepted', { exact: true }).waitFor();
      await row.getByRole('link', { name: `Referral ${referralId}` }).click();
      const shared = b.page.getByRole('region', { name: 'Shared about the person' });
      await shared.getByText(/فاطمة/).waitFor();
      assert.equal(await shared.getByText('+9647501234567').count(), 0);
      assert.equal(await b.page.getByText(reference).count(), 0, 'the receiver does not see the case reference');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }

    // Back in organisation A: accepted in the outbox and on the case's timeline.
    await page.goto('/#/referrals?box=outbox');
    const out = page.getByRole('row').filter({ hasText: `Referral ${referralId}` });
    await out.getByText('Accepted', { exact: true }).waitFor();
    await out.getByText('Women Care B').waitFor();
    await page.goto(`/#/cases/${caseId}`);
    await page.getByRole('region', { name: 'Timeline' }).getByText('Accepted', { exact: true }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await a.close();
  }
});
