'use strict';
// Shared by check-cards.js and render-cards.js: finding card files, the schema and the renderer.

const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..');
const SCHEMA_FILE = 'adaptive-card-1.5.json';

/** Every *.json under the given files or folders, sorted so reports are stable. */
function listCardFiles(args) {
  const files = [];
  const visit = (p) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        const child = path.join(p, name);
        if (fs.statSync(child).isDirectory() || name.endsWith('.json')) visit(child);
      }
    } else {
      files.push(p);
    }
  };
  args.forEach(visit);
  return files;
}

/**
 * The official 1.5 schema: $SUPERVISIONBOT_CARD_SCHEMA, or shared/schemas/ found by walking up
 * from the repo root (the repo is checked out next to the shared folder, never containing it).
 */
function findSchemaPath() {
  const fromEnv = process.env.SUPERVISIONBOT_CARD_SCHEMA;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`SUPERVISIONBOT_CARD_SCHEMA=${fromEnv} does not exist`);
    return fromEnv;
  }
  for (let dir = repoRoot; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'schemas', SCHEMA_FILE);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`cannot find shared/schemas/${SCHEMA_FILE} above ${repoRoot}; set SUPERVISIONBOT_CARD_SCHEMA`);
}

/** The renderer's UMD bundle: its lib/ build is ESM with extensionless imports that node cannot load. */
const rendererBundlePath = require.resolve('adaptivecards/dist/adaptivecards.js', { paths: [repoRoot] });

module.exports = { repoRoot, listCardFiles, findSchemaPath, rendererBundlePath };
