#!/usr/bin/env node
// Drives the Microsoft 365 Agents Playground's web page like a user: opens the personal chat, sends a
// message and waits for the bot's Adaptive Card answer, then saves a screenshot.
//
// Usage: node scripts/e2e/playground-page.js <playground url> <screenshot.png> <text to send> <expected card text>
// Prints one JSON line {ok, cards, text, error?}; exits 0 only when an answering card with the expected
// text appeared after the sent message. Bounded: gives up after 45 s. Uses the system Chromium; never
// downloads a browser.
'use strict';

const { runInPlayground, sendInPersonalChat, saveScreenshot } = require('./playground-browser');

const [url, screenshot, text, expected] = process.argv.slice(2);
if (!url || !screenshot || !text || !expected) {
  console.error('usage: playground-page.js <playground url> <screenshot.png> <text to send> <expected card text>');
  process.exit(2);
}

// Cards that come after the last bubble showing exactly the sent text, in document order: the answer to
// this message, not a welcome that the page load may have triggered before it. Runs in the page.
function cardsAfterSent(sent) {
  // Only spans above the composer: the log panel, further down the page, echoes the text too.
  const composer = document.querySelector('div[role=textbox]');
  const bubbles = [...document.querySelectorAll('span')].filter(
    (s) => s.textContent.trim() === sent && composer && (s.compareDocumentPosition(composer) & Node.DOCUMENT_POSITION_FOLLOWING));
  const bubble = bubbles[bubbles.length - 1];
  const cards = [...document.querySelectorAll('.ac-adaptiveCard')];
  return {
    all: cards.length,
    after: bubble
      ? cards.filter((c) => bubble.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING).map((c) => c.innerText)
      : [],
  };
}

let state = { all: 0, after: [] };
const progress = () => ({ cards: state.all, text: state.after.join('\n---\n') });

runInPlayground({ url, totalMs: 45_000, viewport: { width: 1280, height: 900 }, progress }, async ({ page, left }) => {
  await sendInPersonalChat(page, text, left);
  try {
    await page.waitForFunction(
      // The function is serialised into the page, so it brings its own copy of cardsAfterSent.
      ([source, sent, want]) => new Function(`return (${source})`)()(sent).after.some((t) => t.includes(want)),
      [cardsAfterSent.toString(), text, expected],
      { timeout: left(), polling: 200 });
  } finally {
    state = await page.evaluate(cardsAfterSent, text).catch(() => state);
    await saveScreenshot(page, screenshot, left).catch(() => {});
  }
  return progress();
});
