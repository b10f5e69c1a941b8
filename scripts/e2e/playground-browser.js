// The part every Playground page script shares: the system Chromium with the flags this closed
// network needs, a throwaway profile, a hard time limit, one JSON result line, and the personal chat.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function report(result, code) {
  console.log(JSON.stringify(result));
  process.exit(code);
}

// Runs `work({ page, left })` on the Playground at `url` and reports what it returns as {ok: true, ...}.
// `progress()` says what is known so far, for the report when the work fails or time runs out.
async function runInPlayground({ url, totalMs, viewport, progress }, work) {
  const started = Date.now();
  const left = () => Math.max(1_000, totalMs - (Date.now() - started));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-chromium-'));
  let context;
  // A hard stop in case Chromium itself hangs: the caller must never wait forever.
  const watchdog = setTimeout(() => report({ ok: false, ...progress(), error: `timed out after ${totalMs} ms` }, 3), totalMs + 5_000);
  const finish = async (result, code) => {
    clearTimeout(watchdog);
    if (context) await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
    report(result, code);
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      viewport,
      args: CHROMIUM_ARGS,
    });
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(url, { timeout: left() });
    const result = await work({ page, left });
    await finish({ ok: true, ...result }, 0);
  } catch (error) {
    await finish({ ok: false, ...progress(), error: String(error && error.message || error).split('\n')[0] }, 1);
  }
}

// Whether a bubble above the composer shows exactly `sent`. Runs in the page.
function sentBubbleShown(sent) {
  const composer = document.querySelector('div[role=textbox]');
  return [...document.querySelectorAll('span')].some(
    (s) => s.textContent.trim() === sent && composer && (s.compareDocumentPosition(composer) & Node.DOCUMENT_POSITION_FOLLOWING));
}

async function sendInPersonalChat(page, text, left) {
  await page.getByRole('treeitem', { name: 'Personal Chat' }).click({ timeout: left() });
  const composer = page.locator('div[role=textbox]').first();
  // On a loaded machine the chat can still be rendering when the text is typed, and sending an emptied
  // composer sends nothing (a CI run saw the bot get no message at all): send again, at most twice
  // more, until the text shows as a sent bubble. A message that was sent shows, so none goes twice.
  for (let attempt = 1; ; attempt++) {
    await composer.click({ timeout: left() });
    await composer.fill(text, { timeout: left() });
    await page.getByRole('button', { name: 'Send Message' }).click({ timeout: left() });
    const shown = await page.waitForFunction(sentBubbleShown, text, { timeout: Math.min(8_000, left()), polling: 200 }).then(() => true, () => false);
    if (shown) {
      return;
    }
    if (attempt === 3) {
      throw new Error(`"${text}" never showed as sent in the personal chat`);
    }
  }
}

function saveScreenshot(target, screenshot, left) {
  fs.mkdirSync(path.dirname(path.resolve(screenshot)), { recursive: true });
  return target.screenshot({ path: screenshot, timeout: left() });
}

module.exports = { runInPlayground, sendInPersonalChat, saveScreenshot };
