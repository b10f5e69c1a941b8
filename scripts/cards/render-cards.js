#!/usr/bin/env node
'use strict';
// Renders Adaptive Card JSON files to PNG with the official renderer in headless Chromium, using a
// Teams-like light host config, to look at how cards read (Thai included).
// Usage: node scripts/cards/render-cards.js <in-dir> <out-dir>
// Env:   CHROMIUM (default /usr/bin/chromium). Thai glyphs need Debian's fonts-thai-tlwg.

const fs = require('fs');
const path = require('path');
const { repoRoot, listCardFiles, rendererBundlePath } = require('./card-files');

const { chromium } = require(require.resolve('playwright-core', { paths: [repoRoot] }));

// Teams desktop sizes; Thai falls through Segoe UI to the TLWG fonts.
const FONT_STACK = "'Segoe UI', 'Segoe UI Web', Tahoma, Loma, Garuda, Norasi, 'Noto Sans Thai', sans-serif";
const style = (fg, subtle, bg) => ({
  backgroundColor: bg,
  foregroundColors: {
    default: { default: fg, subtle },
    dark: { default: '#252424', subtle: '#484644' },
    light: { default: '#FFFFFF', subtle: '#FFFFFF' },
    accent: { default: '#6264A7', subtle: '#8B8CC7' },
    good: { default: '#237B4B', subtle: '#498205' },
    warning: { default: '#835C00', subtle: '#A16E00' },
    attention: { default: '#C4314B', subtle: '#D34A5E' },
  },
});
const HOST_CONFIG = {
  fontFamily: FONT_STACK,
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1DFDD' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: style('#242424', '#616161', '#FFFFFF'),
    emphasis: style('#242424', '#616161', '#F5F5F5'),
    accent: style('#242424', '#616161', '#E8EBFA'),
    good: style('#242424', '#616161', '#E7F2DA'),
    attention: style('#242424', '#616161', '#FCF4F6'),
    warning: style('#242424', '#616161', '#FBF6D9'),
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 200 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
  inputs: { label: { inputSpacing: 'small', requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' }, optionalInputs: { weight: 'bolder' } } },
};

// Teams shows a normal card about 450 px wide and a "Full" width card across the chat pane.
const widthOf = (card) => (card.msteams && card.msteams.width === 'Full' ? 760 : 450);

const PAGE_CSS = `
  body { margin: 0; padding: 16px; background: #F5F5F5; font-family: ${FONT_STACK}; }
  #card { background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.14); overflow: hidden; }
  .ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; background: #FFFFFF; color: #242424;
    font: 600 14px ${FONT_STACK}; padding: 5px 12px; min-height: 32px; cursor: pointer; }
  .ac-input { font: 14px ${FONT_STACK}; }
  .ac-input.ac-textInput, .ac-input.ac-numberInput, .ac-input.ac-dateInput, .ac-input.ac-timeInput, select.ac-input {
    border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 8px; min-height: 32px; box-sizing: border-box; }
  .ac-input.ac-multiline { min-height: 64px; }
`;

async function main(args) {
  if (args.length !== 2) {
    console.error('usage: node scripts/cards/render-cards.js <in-dir> <out-dir>');
    return 2;
  }
  const [inDir, outDir] = args;
  const files = listCardFiles([inDir]);
  if (files.length === 0) {
    console.error(`render-cards: no *.json in ${inDir}`);
    return 2;
  }
  fs.mkdirSync(outDir, { recursive: true });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 820, height: 600 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body><div id="card"></div></body></html>`);
    await page.addScriptTag({ path: rendererBundlePath });

    for (const file of files) {
      const card = JSON.parse(fs.readFileSync(file, 'utf8'));
      const problem = await page.evaluate(
        ({ card, hostConfig, width }) => {
          const AC = window.AdaptiveCards;
          const target = document.getElementById('card');
          target.style.width = `${width}px`;
          target.replaceChildren();
          const adaptiveCard = new AC.AdaptiveCard();
          adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
          adaptiveCard.parse(card);
          const rendered = adaptiveCard.render();
          if (!rendered) return 'the renderer produced nothing';
          target.appendChild(rendered);
          return null;
        },
        { card, hostConfig: HOST_CONFIG, width: widthOf(card) },
      );
      const out = path.join(outDir, path.basename(file, '.json') + '.png');
      if (problem) {
        failed++;
        console.log(`${file}: ERROR ${problem}`);
        continue;
      }
      await page.evaluate(() => document.fonts.ready);
      await page.locator('#card').screenshot({ path: out });
      console.log(`${file} -> ${out}`);
    }
  } finally {
    await browser.close();
  }
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(`render-cards: ${e.stack || e}`); process.exitCode = 2; },
);
