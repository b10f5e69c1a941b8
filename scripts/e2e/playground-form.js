#!/usr/bin/env node
// Fills a whole form in the Microsoft 365 Agents Playground's web page like a person: types the
// command, answers every input on each card (first choice, a short text, a date), presses Next until
// the review card, presses Submit and waits for the receipt. Proves our Action.Execute cards work in a
// real Adaptive Cards host: inputs merged into the action, the card replaced in place.
//
// Usage: node scripts/e2e/playground-form.js <playground url> <screenshot.png> <command> <receipt text>
// Prints one JSON line {ok, pages, text, error?}; exit 0 only when the receipt appeared. Bounded: 90 s.
// Uses the system Chromium; never downloads a browser.
'use strict';

const { runInPlayground, sendInPersonalChat, saveScreenshot } = require('./playground-browser');

const [url, screenshot, command, receiptText] = process.argv.slice(2);
if (!url || !screenshot || !command || !receiptText) {
  console.error('usage: playground-form.js <playground url> <screenshot.png> <command> <receipt text>');
  process.exit(2);
}
const MAX_PAGES = 15;

// Answers every input of the card the way a hurried but careful user would: a valid value everywhere.
async function answerAll(card, left) {
  for (const group of await card.locator('[role=radiogroup]').all()) {
    await group.locator('input[type=radio]').first().check({ force: true, timeout: left() });
  }
  for (const select of await card.locator('select').all()) {
    const values = await select.locator('option').evaluateAll((options) => options.map((o) => o.value).filter((v) => v));
    if (values.length > 0) await select.selectOption(values[0], { timeout: left() });
  }
  for (const box of await card.locator('textarea, input[type=text]').all()) {
    if (!(await box.inputValue())) await box.fill('ทดสอบผ่านหน้าเว็บ', { timeout: left() });
  }
  for (const date of await card.locator('input[type=date]').all()) {
    await date.fill('2026-11-24', { timeout: left() });
  }
  for (const number of await card.locator('input[type=number]').all()) {
    await number.fill((await number.getAttribute('min')) || '1', { timeout: left() });
  }
}

let pages = 0;
let lastText = '';
const progress = () => ({ pages, text: lastText });

runInPlayground({ url, totalMs: 90_000, viewport: { width: 1280, height: 1600 }, progress }, async ({ page, left }) => {
  await sendInPersonalChat(page, command, left);

  // The form's card is the last card on the page; each press replaces it in place.
  const card = page.locator('.ac-adaptiveCard').last();
  await page.waitForFunction(() => [...document.querySelectorAll('.ac-adaptiveCard')].pop()?.querySelector('button'), null, { timeout: left() });
  for (; pages < MAX_PAGES; pages++) {
    lastText = await card.innerText({ timeout: left() });
    const submit = card.getByRole('button', { name: 'Submit', exact: true });
    if (await submit.count() > 0) {
      await submit.first().click({ timeout: left() });
      await page.waitForFunction((want) => ([...document.querySelectorAll('.ac-adaptiveCard')].pop()?.innerText || '').includes(want), receiptText, { timeout: left(), polling: 200 });
      lastText = await card.innerText({ timeout: left() });
      await saveScreenshot(card, screenshot, left);
      return progress();
    }
    await answerAll(card, left);
    await card.getByRole('button', { name: /^(Next|Review answers)$/ }).first().click({ timeout: left() });
    // The press is answered when the card shows something else (the next page or the review).
    await page.waitForFunction((before) => ([...document.querySelectorAll('.ac-adaptiveCard')].pop()?.innerText || '') !== before, lastText, { timeout: left(), polling: 200 });
    const now = await card.innerText({ timeout: left() });
    if (/Please correct|กรุณาแก้ไข/.test(now)) {
      lastText = now;
      throw new Error('the bot rejected answers the page gave');
    }
  }
  throw new Error(`no review card after ${MAX_PAGES} pages`);
});
