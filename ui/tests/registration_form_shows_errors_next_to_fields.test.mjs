// The registration form explains problems next to the inputs they concern: obvious ones before
// sending (required fields, a malformed phone), and the server's 422 `fields` after — a second
// member's birth date in the future lands next to members[1].birth_date and in the summary.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, logIn, openBrowser, settles } from './support/browser.mjs';
import { somePlaces, startServer } from './support/server.mjs';

let server;
let places;
before(async () => {
  server = await startServer();
  places = await somePlaces(await server.client('clerk'));
});
after(async () => {
  await closeBrowser();
  await server?.stop();
});

/** The error text shown for an input, found through its aria-describedby. */
async function errorOf(input) {
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  const ids = (await input.getAttribute('aria-describedby') ?? '').split(' ');
  const id = ids.find((x) => x.endsWith('-error'));
  assert.ok(id, 'described by an error');
  return (await input.page().locator(`#${id}`).textContent()).trim();
}

test('missing and malformed answers are flagged next to their inputs before sending', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    await page.getByRole('link', { name: 'Register household' }).click();
    await page.getByRole('group', { name: 'Household', exact: true }).getByLabel('Phone').fill('12ab');
    let posts = 0;
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/households')) posts++; });
    await page.getByRole('button', { name: 'Save household' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Please correct the following' });
    await summary.waitFor();
    for (const line of ['Displacement status: Required.', 'Current location: Required.',
      'Phone: Use 7 to 15 digits, optionally starting with +.', 'Member 1, Given name: Required.',
      'Member 1, Sex: Required.']) {
      await summary.getByRole('link', { name: line, exact: true }).waitFor();
    }
    assert.equal(await errorOf(page.getByLabel('Displacement status')), 'Required.');
    const head = page.getByRole('group', { name: 'Member 1', exact: true });
    assert.equal(await errorOf(head.getByLabel('Given name')), 'Required.');
    assert.equal(await errorOf(head.getByLabel('Sex')), 'Required.');
    assert.equal(await head.getByLabel('Birth date').getAttribute('aria-invalid'), null);
    assert.equal(posts, 0, 'nothing was sent');

    await summary.getByRole('link', { name: 'Member 1, Given name: Required.' }).click();
    assert.equal(await head.getByLabel('Given name').evaluate((el) => el === document.activeElement), true);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('a future birth date shows the server message next to that member\'s birth date', async () => {
  const browser = await openBrowser(server.url);
  const { page, errors } = browser;
  try {
    await logIn(page, 'clerk');
    await page.getByRole('link', { name: 'Register household' }).click();
    await page.getByLabel('Displacement status').selectOption('returnee');
    await page.getByRole('group', { name: 'Current location' }).getByLabel('Governorate')
      .selectOption(places.governorate.pcode);

    const head = page.getByRole('group', { name: 'Member 1', exact: true });
    await head.getByLabel('Given name').fill('خالد');
    await head.getByLabel('Sex').selectOption('male');
    await head.getByLabel('Birth date').fill('1979');
    await page.getByRole('button', { name: 'Add member' }).click();
    const child = page.getByRole('group', { name: 'Member 2', exact: true });
    await child.getByLabel('Given name').fill('سارة');
    await child.getByLabel('Sex').selectOption('female');
    await child.getByLabel('Relationship to head').selectOption('child');
    const nextYear = new Date().getUTCFullYear() + 1;
    await child.getByLabel('Birth date').fill(`${nextYear}-01-15`);

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/households') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save household' }).click();
    const response = await answer;
    assert.equal(response.status(), 422);
    const body = await response.json();
    const reason = body.error.fields.find((f) => f.field === 'members[1].birth_date')?.reason;
    assert.ok(reason, `server names members[1].birth_date: ${JSON.stringify(body)}`);

    const birthDate = child.getByLabel('Birth date');
    assert.equal(await errorOf(birthDate), reason);
    await settles(() => child.getByLabel('Given name').inputValue(), 'سارة', 'the input is kept');
    assert.equal(await head.getByLabel('Birth date').getAttribute('aria-invalid'), null);

    const summary = page.getByRole('alert').filter({ hasText: 'Please correct the following' });
    await summary.getByRole('link', { name: `Member 2, Birth date: ${reason}` }).click();
    assert.equal(await birthDate.evaluate((el) => el === document.activeElement), true);
    assert.match(page.url(), /#\/households\/new$/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
