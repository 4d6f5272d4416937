// The receiving organisation answers referrals in its inbox: declines one with a reason, accepts
// another and records the service given with a note. The sender sees the answers and the
// feedback in the outbox, filters it by status, and cancels a referral not yet answered; a
// referral cancelled while the receiver looks at it cannot be accepted any more.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser } from './support/browser.mjs';
import { registerHousehold, somePlaces, startServer } from './support/server.mjs';

const kUsers = {
  amal: { role: 'caseworker', password: 'amal-pass-2026-long', org: 'Relief A', modules: ['gbv'] },
  hana: { role: 'supervisor', password: 'hana-pass-2026-long', org: 'Women Care B', modules: ['gbv'] },
  zina: { role: 'caseworker', password: 'zina-pass-2026-long', org: 'Women Care B', modules: ['gbv'] },
};

let server;
let amal;
const referrals = [];
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  amal = await server.client('amal');
  const household = await registerHousehold(amal);
  const hana = await server.client('hana');
  const { district } = await somePlaces(hana);
  const service = await hana.post('/services', {
    type: 'mhpss', name: 'Counselling centre', pcode: district.pcode, contact_name: '', contact_phone: '',
    contact_email: '', eligibility: '',
  });
  const kase = await amal.post('/cases', {
    module: 'gbv', risk: 'medium', people: [household.members[1].id],
    consent: { registration: true, contact: true, share_with: [service.organisation.id], share_fields: ['name', 'sex'] },
  });
  for (const urgency of ['normal', 'urgent', 'emergency', 'normal']) {
    referrals.push(await amal.post('/referrals', {
      case_id: kase.id, service_id: service.id, urgency, reason: 'Counselling after the assault.', share: ['name'],
    }));
  }
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

const rowOf = (page, r) => page.getByRole('row').filter({ has: page.getByRole('link', { name: `Referral ${r.id}`, exact: true }) });

test('the receiver declines one referral, accepts another and records the service given', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'zina', kUsers.zina.password);
    await page.goto('/#/referrals');
    const [declined, served, , cancelled] = referrals;

    const first = rowOf(page, declined);
    await first.getByRole('button', { name: `Decline Referral ${declined.id}` }).click();
    const decline = page.getByRole('dialog', { name: 'Decline this referral?' });
    await decline.getByRole('button', { name: 'Decline' }).click();
    await decline.getByText('Required.').waitFor();
    await decline.getByLabel('Reason for declining').fill('No counsellor free this month.');
    await decline.getByRole('button', { name: 'Decline' }).click();
    await first.getByText('Declined', { exact: true }).waitFor();

    const second = rowOf(page, served);
    await second.getByRole('button', { name: `Accept Referral ${served.id}` }).click();
    await second.getByRole('button', { name: `Record service given Referral ${served.id}` }).click();
    const given = page.getByRole('dialog', { name: 'Record the service given' });
    await given.getByLabel('Feedback').fill('Four sessions held; she continues in the group.');
    await given.getByRole('button', { name: 'Save' }).click();
    await second.getByText('Service given', { exact: true }).waitFor();

    // Cancelled by the sender while this page is open: accepting it is refused and the row
    // shows the referral as it is now.
    await amal.post(`/referrals/${cancelled.id}/cancel`, { version: cancelled.version, reason: '' });
    const fourth = rowOf(page, cancelled);
    await fourth.getByRole('button', { name: `Accept Referral ${cancelled.id}` }).click();
    await page.getByRole('alert').filter({ hasText: 'The referral changed meanwhile' }).waitFor();
    await fourth.getByText('Cancelled', { exact: true }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('the sender sees the answers and feedback, filters by status and cancels a referral', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'amal', kUsers.amal.password);
    await page.goto('/#/referrals?box=outbox');
    const [declined, served, waiting] = referrals;
    await rowOf(page, declined).getByText('No counsellor free this month.').waitFor();
    await rowOf(page, served).getByText('Four sessions held; she continues in the group.').waitFor();

    const row = rowOf(page, waiting);
    await row.getByText('Emergency').waitFor();
    await row.getByRole('button', { name: `Cancel referral Referral ${waiting.id}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this referral?' });
    await dialog.getByRole('button', { name: 'Yes, cancel the referral' }).click();
    await row.getByText('Cancelled', { exact: true }).waitFor();

    await page.getByLabel('Status').selectOption('declined');
    await rowOf(page, served).waitFor({ state: 'detached' });
    await rowOf(page, declined).waitFor();

    await page.getByRole('link', { name: `Referral ${declined.id}`, exact: true }).click();
    await page.getByRole('heading', { name: `Referral ${declined.id}`, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Shared about the person' }).getByText(/فاطمة/).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
