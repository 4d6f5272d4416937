// Debian's Chromium driven by playwright-core: one browser process per test file, a fresh
// context (cookies, localStorage) per page opened, and every page error and console error
// collected so a test can assert there were none. Never downloads a browser.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';
import { USERS } from './server.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--disable-dev-shm-usage'];

// The API answers 401/409/422/429 on purpose in some flows; Chromium logs those responses as
// console errors. They are not page errors, so only they are let through.
const EXPECTED = /Failed to load resource: the server responded with a status of 4(01|09|22|29)/;

let shared = null;

function browser() {
  shared ??= chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
  return shared;
}

// Chromium takes seconds to start: start it as soon as a test file loads this module, so it
// starts while the file's `before` hook starts the server. A failure surfaces in openBrowser.
browser().catch(() => undefined);

/** Closes this file's browser; call from the file's `after` hook. */
export async function closeBrowser() {
  if (!shared) return;
  const done = shared;
  shared = null;
  await (await done).close();
}

/** A new, empty browser context on `baseUrl` with one page. */
export async function openBrowser(baseUrl, { width = 1280, height = 900 } = {}) {
  const context = await (await browser()).newContext({ baseURL: baseUrl, viewport: { width, height } });
  const errors = [];
  const watch = (page) => {
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !EXPECTED.test(message.text())) errors.push(`console: ${message.text()}`);
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  // Generous: CI runs the ASan build on 2 busy cores; a timeout only guards against a hang.
  context.setDefaultTimeout(30_000);
  return {
    context,
    page,
    errors,
    close: () => context.close(),
  };
}

/** Logs in through the form and waits for the household list. */
export async function logIn(page, username, password = USERS[username].password) {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Households', level: 1 }).waitFor();
}

/** Visible text on the page that is not marked translate="no" (what people typed). */
export function untranslatedText(page) {
  return page.evaluate(() => {
    const found = [];
    const latin = /[A-Za-z]{2,}/;
    const isData = (el) => !!el.closest('[translate="no"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || isData(el) || !latin.test(node.textContent)) continue;
      if (el.closest('script, style, noscript')) continue;
      if (el.tagName !== 'OPTION' && !el.checkVisibility()) continue;
      found.push(node.textContent.trim());
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (isData(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value && latin.test(value)) found.push(`${name}=${value}`);
      }
    }
    return found;
  });
}

/** Waits until an input's value is `expected` (playwright-core has no auto-retrying expect). */
export async function waitForValue(locator, expected, timeout = 30_000) {
  const end = Date.now() + timeout;
  let value;
  while ((value = await locator.inputValue()) !== expected) {
    if (Date.now() > end) throw new Error(`value stayed ${JSON.stringify(value)}, expected ${JSON.stringify(expected)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Asserts that what `read` returns becomes `expected` within `timeout`: pages fill in after their
 * requests answer, so a figure read at once can be the one from before (playwright-core has no
 * auto-retrying expect). Fails with the last value read.
 */
export async function settles(read, expected, message, timeout = 15_000) {
  const end = Date.now() + timeout;
  let actual = await read();
  while (!isDeepStrictEqual(actual, expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    actual = await read();
  }
  assert.deepEqual(actual, expected, message);
}
