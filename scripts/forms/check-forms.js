#!/usr/bin/env node
// Validates form-definition files against our own JSON Schema (Dialogs/Forms/form-definition.schema.json).
// Usage: node scripts/forms/check-forms.js <file-or-dir>...   Prints one JSON report; exit 1 when a file fails.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020').default;

const root = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'Dialogs', 'Forms', 'form-definition.schema.json'), 'utf8'));
// strictRequired is off: the schema names required properties inside if/then branches, which strict mode flags.
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

const files = process.argv.slice(2).flatMap(arg =>
  fs.statSync(arg).isDirectory()
    ? fs.readdirSync(arg).filter(f => f.endsWith('.json')).map(f => path.join(arg, f))
    : [arg]);
if (files.length === 0) {
  console.error('usage: check-forms.js <file-or-dir>...');
  process.exit(2);
}

const failures = [];
for (const file of files) {
  let json;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    failures.push({ file, errors: [`not JSON: ${e.message}`] });
    continue;
  }
  if (!validate(json)) {
    failures.push({ file, errors: validate.errors.map(e => `${e.instancePath || '/'} ${e.message}`) });
  }
}
console.log(JSON.stringify({ checked: files.length, failures }, null, 2));
process.exit(failures.length > 0 ? 1 : 0);
