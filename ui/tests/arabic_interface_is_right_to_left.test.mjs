// Switching to العربية makes the page right-to-left with Arabic labels, survives a reload, and
// shows Arabic place names; کوردی is right-to-left too and English switches back. No English is
// left on the Arabic and Kurdish screens, and the screens fit 360 px wide.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, untranslatedText } from './support/browser.mjs';
import { registerHousehold, startServer } from './support/server.mjs';

let server;
let household;
before(async () => {
  server = await startServer();
  household = await registerHousehold(await server.client('clerk'));
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

const htmlAttrs = (page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

test('switching to Arabic sets dir=rtl, shows Arabic labels and is remembered after reload', async () => {
  const browser = await openBrowser(server.url, { width: 1100, height: 1400 });
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    assert.deepEqual(await htmlAttrs(page), ['en', 'ltr']);
    await page.getByRole('button', { name: 'العربية' }).click();
    assert.deepEqual(await htmlAttrs(page), ['ar', 'rtl']);
    await page.getByRole('heading', { name: 'الأسر', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'تسجيل أسرة' }).waitFor();
    await page.getByLabel('بحث').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('sanad.lang')), 'ar');

    await page.reload();
    await page.getByRole('heading', { name: 'الأسر', level: 1 }).waitFor();
    assert.deepEqual(await htmlAttrs(page), ['ar', 'rtl']);
    const row = page.getByRole('row').filter({ hasText: 'محمد عبد الرحمن' });
    await row.getByText(household.location.name_ar, { exact: true }).waitFor();
    await row.getByText('نازح داخل المخيم').waitFor();

    await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).click();
    await page.getByRole('heading', { name: 'السجل' }).waitFor();
    await page.getByRole('link', { name: 'تعديل' }).waitFor();
    await page.getByRole('region', { name: 'الأفراد (2)' }).getByText('الرقم الوطني: 199012345678').waitFor();
    // The start of an RTL page is on the right: the heading sits to the right of the edit link.
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    const edit = await page.getByRole('link', { name: 'تعديل' }).boundingBox();
    assert.ok(title.x > edit.x, 'heading is right of the Edit link');
    await page.screenshot({ path: '/tmp/sanad-household-ar.png', fullPage: true });

    await page.getByRole('button', { name: 'کوردی' }).click();
    assert.deepEqual(await htmlAttrs(page), ['ckb', 'rtl']);
    await page.getByRole('heading', { name: 'مێژوو' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    assert.deepEqual(await htmlAttrs(page), ['en', 'ltr']);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

// Key labels per language, checked by role on the list and the household page.
const kLabels = {
  ar: { households: 'الأسر', register: 'تسجيل أسرة', search: 'بحث', governorate: 'المحافظة', district: 'القضاء',
    subdistrict: 'الناحية', status: 'حالة النزوح', logout: 'تسجيل الخروج', history: 'السجل', edit: 'تعديل',
    archive: 'أرشفة', save: 'حفظ الأسرة', addMember: 'إضافة فرد', admin: 'الإدارة', audit: 'سجل التدقيق' },
  ckb: { households: 'خێزانەکان', register: 'تۆمارکردنی خێزان', search: 'گەڕان', governorate: 'پارێزگا', district: 'قەزا',
    subdistrict: 'ناحیە', status: 'دۆخی ئاوارەبوون', logout: 'چوونەدەرەوە', history: 'مێژوو', edit: 'دەستکاریکردن',
    archive: 'ئەرشیفکردن', save: 'پاشەکەوتکردنی خێزان', addMember: 'زیادکردنی ئەندام', admin: 'بەڕێوەبردن',
    audit: 'تۆماری وردبینی' },
};

async function assertTranslated(page, where) {
  const left = await untranslatedText(page);
  assert.deepEqual(left, [], `English left on ${where}`);
}

for (const [lang, label] of [['ar', 'العربية'], ['ckb', 'کوردی']]) {
  test(`every screen is translated in ${label}, with no English left`, async () => {
    const browser = await openBrowser(server.url);
    const { page, errors } = browser;
    const l = kLabels[lang];
    try {
      await logIn(page, 'admin');
      await page.getByRole('button', { name: label }).click();
      assert.deepEqual(await htmlAttrs(page), [lang, 'rtl']);
      await page.getByRole('heading', { name: l.households, level: 1 }).waitFor();
      await page.getByRole('link', { name: l.register }).waitFor();
      await page.getByLabel(l.search, { exact: true }).waitFor();
      await page.getByLabel(l.governorate).waitFor();
      await page.getByLabel(l.district, { exact: true }).waitFor();
      await page.getByLabel(l.subdistrict).waitFor();
      await page.getByLabel(l.status).waitFor();
      await page.getByRole('button', { name: l.logout }).waitFor();
      await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).waitFor();
      await assertTranslated(page, 'the household list');

      await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).click();
      await page.getByRole('heading', { name: l.history }).waitFor();
      await page.getByRole('button', { name: l.archive }).waitFor();
      await page.getByRole('region', { name: l.history }).getByRole('table').first().waitFor();
      await assertTranslated(page, 'the household page');

      await page.getByRole('link', { name: l.edit }).click();
      await page.getByRole('button', { name: l.save }).waitFor();
      await page.getByLabel(l.governorate).first().waitFor();
      await assertTranslated(page, 'the edit form');

      await page.getByRole('link', { name: l.households, exact: true }).click();
      await page.getByRole('link', { name: l.register }).click();
      await page.getByRole('button', { name: l.addMember }).click();
      await page.getByRole('button', { name: l.save }).click();
      await page.getByRole('alert').first().waitFor();
      await assertTranslated(page, 'the register form with its error messages');

      const nav = page.getByRole('navigation').first();
      await nav.getByRole('link', { name: l.admin }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('cell', { name: 'Test Org', exact: true }).first().waitFor();
      await assertTranslated(page, 'the admin page');

      await nav.getByRole('link', { name: l.audit }).click();
      await page.getByRole('table').first().waitFor();
      await assertTranslated(page, 'the audit log');

      await page.getByRole('button', { name: l.logout }).click();
      await page.getByRole('button', { name: lang === 'ar' ? 'دخول' : 'چوونەژوورەوە' }).waitFor();
      await assertTranslated(page, 'the log-in page');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

async function assertFits(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} is ${overflow}px wider than the screen`);
}

test('the list, a household and the register form work at 360 px wide in Arabic', async () => {
  const browser = await openBrowser(server.url, { width: 360, height: 740 });
  const { page, errors } = browser;
  try {
    await page.goto('/');
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByLabel('اسم المستخدم').fill('clerk');
    await page.getByLabel('كلمة المرور').fill('clerk-pass-2026-long');
    await assertFits(page, 'the log-in page');
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('heading', { name: 'الأسر', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).waitFor();
    await assertFits(page, 'the household list');
    await page.screenshot({ path: '/tmp/sanad-list-ar-360.png', fullPage: true });

    await page.getByRole('link', { name: 'محمد عبد الرحمن حسين الجبوري' }).click();
    await page.getByRole('heading', { name: 'السجل' }).waitFor();
    await assertFits(page, 'the household page');

    await page.getByRole('link', { name: 'تعديل' }).click();
    await page.getByRole('button', { name: 'حفظ الأسرة' }).waitFor();
    await page.getByRole('button', { name: 'إضافة فرد' }).click();
    await assertFits(page, 'the edit form');
    // Every control can be reached: the save button is inside the screen's width.
    const save = await page.getByRole('button', { name: 'حفظ الأسرة' }).boundingBox();
    assert.ok(save.x >= 0 && save.x + save.width <= 360, 'save button is on screen');
    await page.screenshot({ path: '/tmp/sanad-form-ar-360.png', fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
