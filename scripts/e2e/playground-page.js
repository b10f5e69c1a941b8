#!/usr/bin/env node
// Drives the Microsoft 365 Agents Playground's web page like a user: opens the personal chat, sends a
// message and waits for the bot's Adaptive Card answer, then saves a screenshot.
//
// Usage: node scripts/e2e/playground-page.js <playground url> <screenshot.png> <text to send> <expected card text>
// Prints one JSON line {ok, cards, text, error?}; exits 0 only when an answering card with the expected
// text appeared after the sent message. Bounded: gives up after 45 s. Uses the system Chromium; never
// downloads a browser.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [url, screenshot, text, expected] = process.argv.slice(2);
if (!url || !screenshot || !text || !expected) {
  console.error('usage: playground-page.js <playground url> <screenshot.png> <text to send> <expected card text>');
  process.exit(2);
}
const TOTAL_MS = 45_000;
const started = Date.now();
const left = () => Math.max(1_000, TOTAL_MS - (Date.now() - started));

function report(result, code) {
  console.log(JSON.stringify(result));
  process.exit(code);
}

// Cards that come after the last bubble showing exactly the sent text, in document order: the answer to
// this message, not a welcome that the page load may have triggered before it.
function cardsAfterSent(sent) {
  // Only spans above the composer: the log panel, further down the page, echoes the text too.
  const composer = document.querySelector('div[role=textbox]');
  const bubbles = [...document.querySelectorAll('span')].filter(
    (s) => s.textContent.trim() === sent && composer && (s.compareDocumentPosition(composer) & Node.DOCUMENT_POSITION_FOLLOWING));
  const bubble = bubbles[bubbles.length - 1];
  if (!bubble) return { all: document.querySelectorAll('.ac-adaptiveCard').length, after: [] };
  const cards = [...document.querySelectorAll('.ac-adaptiveCard')];
  return {
    all: cards.length,
    after: cards
      .filter((c) => bubble.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING)
      .map((c) => c.innerText),
  };
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-chromium-'));
  let context;
  let state = { all: 0, after: [] };
  // A hard stop in case Chromium itself hangs: the caller must never wait forever.
  const watchdog = setTimeout(() => report({ ok: false, cards: 0, text: '', error: `timed out after ${TOTAL_MS} ms` }, 3), TOTAL_MS + 5_000);
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(url, { timeout: left() });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click({ timeout: left() });
    const composer = page.locator('div[role=textbox]').first();
    await composer.click({ timeout: left() });
    await composer.fill(text, { timeout: left() });
    await page.getByRole('button', { name: 'Send Message' }).click({ timeout: left() });

    try {
      await page.waitForFunction(
        ([sent, want]) => {
          // Re-declared here: this runs in the page.
          const composer = document.querySelector('div[role=textbox]');
          const bubbles = [...document.querySelectorAll('span')].filter(
            (s) => s.textContent.trim() === sent && composer && (s.compareDocumentPosition(composer) & Node.DOCUMENT_POSITION_FOLLOWING));
          const bubble = bubbles[bubbles.length - 1];
          return !!bubble && [...document.querySelectorAll('.ac-adaptiveCard')].some(
            (c) => (bubble.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) && c.innerText.includes(want));
        },
        [text, expected],
        { timeout: left(), polling: 200 });
    } finally {
      state = await page.evaluate(cardsAfterSent, text).catch(() => state);
      fs.mkdirSync(path.dirname(path.resolve(screenshot)), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: false }).catch(() => {});
    }
    clearTimeout(watchdog);
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    report({ ok: true, cards: state.all, text: state.after.join('\n---\n') }, 0);
  } catch (error) {
    clearTimeout(watchdog);
    if (context) await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
    report({ ok: false, cards: state.all, text: state.after.join('\n---\n'), error: String(error && error.message || error).split('\n')[0] }, 1);
  }
})();
