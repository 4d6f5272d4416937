// Running a case day to day: the caseworker records a follow-up (with the next one) and a service
// given, both on the timeline; the supervisor assigns a second caseworker, removes them, and
// transfers the case, which then leaves the first caseworker's list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles } from './support/browser.mjs';
import { registerHousehold, startServer } from './support/server.mjs';

const kUsers = {
  amal: { role: 'caseworker', password: 'amal-pass-2026-long', org: 'Relief A', modules: ['mhpss'] },
  rana: { role: 'caseworker', password: 'rana-pass-2026-long', org: 'Relief A', modules: ['mhpss'] },
  sara: { role: 'supervisor', password: 'sara-pass-2026-long', org: 'Relief A', modules: ['mhpss'] },
};

let server;
let amal;
let kase;
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  amal = await server.client('amal');
  const household = await registerHousehold(amal);
  kase = await amal.post('/cases', {
    module: 'mhpss', risk: 'medium', people: [household.members[0].id],
    intake: { identified_by: 'referral', date: '2026-03-01', narrative: 'Sleeps badly since the move.' },
  });
  for (const status of ['assessment', 'case_plan', 'follow_up']) {
    kase = await amal.post(`/cases/${kase.id}/status`, { status, version: kase.version });
  }
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('the caseworker records a follow-up and a service given', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'amal', kUsers.amal.password);
    await page.goto(`/#/cases/${kase.id}`);
    const followUp = page.getByRole('region', { name: 'Record a follow-up' });
    await followUp.getByRole('button', { name: 'Save follow-up' }).click();
    await followUp.getByText('Required.').waitFor();
    await followUp.getByLabel('Date').fill('2026-03-10');
    await followUp.getByLabel('Next follow-up').fill('2030-03-24');
    await followUp.getByLabel('Note').fill('Sleeping better; attends the group sessions.');
    await followUp.getByRole('button', { name: 'Save follow-up' }).click();
    await followUp.getByRole('status').filter({ hasText: 'Follow-up saved.' }).waitFor();
    await settles(() => followUp.getByLabel('Note').inputValue(), '');
    await page.getByRole('region', { name: 'Risk and follow-up' }).getByText('2030-03-24').waitFor();

    const given = page.getByRole('region', { name: 'Record a service given' });
    await given.getByLabel('Date').fill('2026-03-11');
    await given.getByLabel('Service').selectOption('mhpss');
    await given.getByLabel('Provider').fill('Relief A counsellor');
    await given.getByRole('button', { name: 'Save service' }).click();
    await given.getByRole('status').filter({ hasText: 'Service saved.' }).waitFor();

    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Sleeping better; attends the group sessions.').waitFor();
    await timeline.getByText('Relief A counsellor').waitFor();
    assert.equal((await amal.get(`/cases/${kase.id}`)).next_follow_up, '2030-03-24');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('the supervisor assigns and unassigns a caseworker, then transfers the case', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'sara', kUsers.sara.password);
    await page.goto(`/#/cases/${kase.id}`);
    const team = page.getByRole('region', { name: 'Caseworkers' });
    await team.getByLabel('Assign a caseworker').selectOption({ label: 'rana' });
    await team.getByRole('button', { name: 'Assign', exact: true }).click();
    await team.getByRole('button', { name: 'Remove rana' }).click();
    await team.getByRole('button', { name: 'Remove rana' }).waitFor({ state: 'detached' });

    await team.getByRole('button', { name: 'Transfer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer this case' });
    await dialog.getByLabel('New case owner').selectOption({ label: 'rana' });
    await dialog.getByLabel('Reason').fill('Amal is on leave for two months.');
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Caseworkers' }).getByText('rana', { exact: true }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Amal is on leave for two months.').waitFor();
    assert.equal((await (await server.client('rana')).get(`/cases/${kase.id}`)).owner.username, 'rana');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }

  // The case left the first caseworker's list and belongs to the new owner.
  const mine = await amal.get('/cases?view=mine');
  assert.equal(mine.items.some((c) => c.id === kase.id), false);
});
