// Every screen of case management, referrals and the service directory speaks Arabic and
// Kurdish with no English left (what people typed aside), mirrors right to left, and fits
// 360 px wide: the case list, opening a case with its problems, a case with the referral form,
// both referral boxes and a referral, the services with their forms, the dashboard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, untranslatedText } from './support/browser.mjs';
import { registerHousehold, somePlaces, startServer } from './support/server.mjs';

const kUsers = {
  sara: { role: 'supervisor', password: 'sara-pass-2026-long', org: 'منظمة الإغاثة', modules: ['gbv', 'legal'] },
  hana: { role: 'supervisor', password: 'hana-pass-2026-long', org: 'رعاية المرأة', modules: ['gbv'] },
};

let server;
let kase;
let referral;
before(async () => {
  server = await startServer({ extraUsers: kUsers });
  const sara = await server.client('sara');
  const household = await registerHousehold(sara);
  const hana = await server.client('hana');
  const { district } = await somePlaces(hana);
  const service = await hana.post('/services', {
    type: 'gbv_safe_space', name: 'المساحة الآمنة في خانكي', pcode: district.pcode, contact_name: 'هناء',
    contact_phone: '+9647501112233', contact_email: '', eligibility: 'النساء والفتيات',
  });
  kase = await sara.post('/cases', {
    module: 'gbv', risk: 'high', people: [household.members[1].id],
    intake: { identified_by: 'hotline', date: '2026-01-10', narrative: 'سردية' },
    consent: { registration: true, contact: true, share_with: [service.organisation.id], share_fields: ['name', 'age'] },
    details: { violence_type: 'forced_marriage', incident_date: '2026-01-01' },
  });
  kase = await sara.patch(`/cases/${kase.id}`, {
    version: kase.version,
    plan: { goals: [{ goal: 'خطة سلامة', actions: [{ action: 'زيارة', responsible: 'سارة', due: '2026-02-01', done: false }] }] },
  });
  kase = await sara.post(`/cases/${kase.id}/follow_ups`, {
    version: kase.version, date: '2026-01-12', note: 'ملاحظة', next_follow_up: '2026-01-20',
  });
  referral = await sara.post('/referrals', {
    case_id: kase.id, service_id: service.id, urgency: 'emergency', reason: 'سبب', share: ['name', 'age'],
  });
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

async function check(page, where) {
  const dir = await page.evaluate(() => document.documentElement.dir);
  assert.equal(dir, 'rtl', `${where} is right to left`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} is ${overflow}px wider than the screen`);
  assert.deepEqual(await untranslatedText(page), [], `English left on ${where}`);
}

for (const [lang, label, heading] of [['ar', 'العربية', 'الحالات'], ['ckb', 'کوردی', 'کەیسەکان']]) {
  test(`case management in ${label}, 360 px wide`, async () => {
    const browser = await openBrowser(server.url, { width: 360, height: 800 });
    const { page, errors } = browser;
    try {
      await logIn(page, 'sara', kUsers.sara.password);
      await page.getByRole('button', { name: label }).click();
      await page.getByRole('navigation').first().getByRole('link', { name: heading }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByRole('link', { name: kase.reference }).waitFor();
      await check(page, 'the case list');

      await page.goto('/#/cases/new');
      await page.locator('form.case-form button[type=submit]').click();
      await page.getByRole('alert').first().waitFor();
      await page.getByLabel(lang === 'ar' ? 'المجال' : 'بوار').selectOption('legal');
      await page.locator('fieldset').filter({ has: page.locator('#case-details-court_stage') }).waitFor();
      await check(page, 'the new case form with its problems');

      await page.goto(`/#/cases/${kase.id}`);
      await page.getByRole('heading', { name: kase.reference, level: 1 }).waitFor();
      await page.locator('.timeline li').nth(3).waitFor();
      await page.locator('.case-head button').click();
      await page.locator('.referral-form .service-choices li').first().waitFor();
      await page.locator('.case-section').first().getByRole('button').first().click();
      await check(page, 'the case page with the referral form and an editor open');

      await page.goto('/#/cases/dashboard');
      await page.locator('.counts').waitFor();
      await page.getByRole('link', { name: kase.reference }).first().waitFor();
      await check(page, 'the dashboard');

      await page.goto('/#/referrals?box=outbox');
      await page.locator('table.referrals tbody tr').first().waitFor();
      await check(page, 'the outbox');
      await page.goto(`/#/referrals/${referral.id}`);
      await page.locator('.details').first().waitFor();
      await page.getByText('سبب', { exact: true }).waitFor();
      await check(page, 'a referral');

      await page.goto('/#/services');
      await page.locator('table.services tbody tr').first().waitFor();
      await page.locator('.page-head button').click();
      await page.locator('#svc-form-title').waitFor();
      await check(page, 'the services with the form to add one');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }

    // The receiving side, in the same language.
    const other = await openBrowser(server.url, { width: 360, height: 800 });
    try {
      await logIn(other.page, 'hana', kUsers.hana.password);
      await other.page.getByRole('button', { name: label }).click();
      await other.page.goto('/#/referrals');
      await other.page.locator('table.referrals tbody tr').first().waitFor();
      await check(other.page, 'the inbox');
      assert.deepEqual(other.errors, []);
    } finally {
      await other.close();
    }
  });
}
