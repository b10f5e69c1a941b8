#!/usr/bin/env node
// Validates an unzipped Teams app package offline against the schemas that the pinned npm package
// @microsoft/app-manifest ships: manifest.json against its manifestVersion's schema, every
// localization file against the localization schema, and that the manifest uses the newest version.
// Usage: node scripts/manifest/check-package.js <package-dir>   Prints one JSON report; exit 1 on a failure.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const schemas = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const dir = process.argv[2];
if (!dir) {
  console.error('usage: check-package.js <package-dir>');
  process.exit(2);
}

const failures = [];
const read = file => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const versions = fs.readdirSync(schemas).filter(v => /^v\d+\.\d+$/.test(v)).map(v => v.slice(1))
  .sort((a, b) => a.split('.')[1] - b.split('.')[1] || a.split('.')[0] - b.split('.')[0]);
const newest = versions[versions.length - 1];

const manifest = read('manifest.json');
if (manifest.manifestVersion !== newest) {
  failures.push({ file: 'manifest.json', errors: [`manifestVersion ${manifest.manifestVersion} is not the newest shipped schema ${newest}`] });
}
const validator = name => {
  // Microsoft's schemas use keywords ajv does not know (strict off) and patterns that are valid only
  // without the regular-expression "u" flag (an unescaped "]"), as their own validator compiles them.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(schemas, `v${manifest.manifestVersion}`, name), 'utf8')));
};
const check = (file, validate) => {
  if (!validate(read(file))) {
    failures.push({ file, errors: validate.errors.map(e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`) });
  }
};

check('manifest.json', validator('MicrosoftTeams.schema.json'));
const localization = validator('MicrosoftTeams.Localization.schema.json');
const info = manifest.localizationInfo || { additionalLanguages: [] };
const languageFiles = [info.defaultLanguageFile, ...info.additionalLanguages.map(l => l.file)].filter(Boolean);
for (const file of languageFiles) {
  check(file, localization);
}
for (const file of [manifest.icons.color, manifest.icons.outline, ...languageFiles]) {
  if (!fs.existsSync(path.join(dir, file))) {
    failures.push({ file, errors: ['referenced by manifest.json but not in the package'] });
  }
}

console.log(JSON.stringify({ manifestVersion: manifest.manifestVersion, newest, checked: ['manifest.json', ...languageFiles], failures }, null, 2));
process.exit(failures.length > 0 ? 1 : 0);
