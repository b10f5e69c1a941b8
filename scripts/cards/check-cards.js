#!/usr/bin/env node
'use strict';
// Checks Adaptive Card JSON files the way Teams will see them:
//  (a) against the official Adaptive Cards 1.5 schema (ajv, draft-06), after removing Teams' `msteams`
//      host extension, which the schema does not know;
//  (b) with the official `adaptivecards` renderer's parser and validator (no DOM is needed for that).
// Usage: node scripts/cards/check-cards.js <file-or-dir>...
// Prints a JSON report; exit 0 all cards pass, 1 any card has an error, 2 usage or setup problem.

const fs = require('fs');
const { repoRoot, listCardFiles, findSchemaPath, rendererBundlePath } = require('./card-files');

const Ajv = require(require.resolve('ajv', { paths: [repoRoot] }));
const addFormats = require(require.resolve('ajv-formats', { paths: [repoRoot] }));
const draft06 = require(require.resolve('ajv/dist/refs/json-schema-draft-06.json', { paths: [repoRoot] }));
const AC = require(rendererBundlePath);

// Events that do not make a card wrong; everything else the renderer reports is an error.
const RENDERER_WARNINGS = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

function compileSchema(schemaPath) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  // The official file has the draft-04 style root "id", which ajv 8 rejects; rename it in memory.
  if (typeof schema.id === 'string' && schema.$id === undefined) {
    schema.$id = schema.id;
    delete schema.id;
  }
  const definitionByType = new Map();
  for (const [name, definition] of Object.entries(schema.definitions)) {
    const type = definition.properties && definition.properties.type;
    if (type && Array.isArray(type.enum) && type.enum.length === 1) definitionByType.set(type.enum[0], name);
  }
  return { ajv, id: schema.$id, validate: ajv.compile(schema), definitionByType };
}

/** Removes `msteams` from the card and any card shown by Action.ShowCard; returns its problems. */
function stripTeamsExtension(node, where, problems) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => stripTeamsExtension(item, `${where}/${i}`, problems));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (node.type === 'AdaptiveCard' && 'msteams' in node) {
    const ext = node.msteams;
    if (ext === null || typeof ext !== 'object' || Array.isArray(ext)) {
      problems.push(`${where}/msteams: must be an object`);
    } else {
      for (const key of Object.keys(ext)) {
        if (key !== 'width' && key !== 'entities') problems.push(`${where}/msteams: unknown property "${key}"`);
      }
      if ('width' in ext && ext.width !== 'Full') problems.push(`${where}/msteams/width: must be "Full"`);
      if ('entities' in ext && !Array.isArray(ext.entities)) problems.push(`${where}/msteams/entities: must be an array`);
    }
    delete node.msteams;
  }
  for (const [key, value] of Object.entries(node)) {
    // Action data is the author's own payload and may legitimately carry an `msteams` object.
    if (key !== 'data') stripTeamsExtension(value, `${where}/${key}`, problems);
  }
}

function atPointer(root, pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), root);
}

const isTyped = (node) => node !== null && typeof node === 'object' && !Array.isArray(node) && typeof node.type === 'string';

/**
 * Elements and actions are "anyOf" every known type, so ajv reports why each branch failed, which
 * buries the real problem. This re-validates every typed object against its own type's definition
 * and reports only those errors (or "unknown type" when no definition has that type).
 */
function explainSchemaErrors(schemaTools, node, path) {
  const definition = schemaTools.definitionByType.get(node.type);
  if (!definition) return [{ path: path || '(root)', message: `unknown type "${node.type}" for Adaptive Cards 1.5` }];
  const validateType = schemaTools.ajv.getSchema(`${schemaTools.id}#/definitions/${definition}`);
  if (validateType(node)) return [];

  const errors = validateType.errors;
  // Typed objects under an anyOf are explained by their own definition, outermost first.
  const typedPaths = [...new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath))]
    .filter((p) => p !== '' && isTyped(atPointer(node, p)));
  const outermost = typedPaths.filter((p) => !typedPaths.some((q) => q !== p && p.startsWith(q + '/')));
  const ownedByChild = (p) => outermost.some((q) => p === q || p.startsWith(q + '/'));

  const own = errors
    .filter((e) => e.keyword !== 'anyOf' && !ownedByChild(e.instancePath))
    .map((e) => ({ path: path + e.instancePath || '(root)', message: e.message, params: e.params }));
  const fromChildren = outermost.flatMap((p) => explainSchemaErrors(schemaTools, atPointer(node, p), path + p));
  const result = [...own, ...fromChildren];
  const seen = new Set();
  return result.filter((e) => {
    const key = JSON.stringify(e);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function eventName(code) {
  return AC.ValidationEvent[code] || String(code);
}

function checkWithRenderer(card) {
  const errors = [];
  const warnings = [];
  const record = (phase, e) => {
    const entry = {
      phase,
      event: eventName(e.event),
      message: e.message,
      source: e.source && typeof e.source.getJsonTypeName === 'function' ? e.source.getJsonTypeName() : undefined,
    };
    (RENDERER_WARNINGS.has(e.event) ? warnings : errors).push(entry);
  };

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) record('parse', context.getEventAt(i));
  for (const e of parsed.validateProperties().validationEvents) record('validate', e);
  return { errors, warnings };
}

/** Falls back to ajv's raw errors should the explanation find nothing, so a failure is never silent. */
function explainedOrRaw(schemaTools, card) {
  const raw = schemaTools.validate.errors.map((e) => ({ path: e.instancePath || '(root)', message: e.message, params: e.params }));
  const explained = isTyped(card) ? explainSchemaErrors(schemaTools, card, '') : [];
  return explained.length > 0 ? explained : raw;
}

function checkFile(file, schemaTools) {
  let card;
  try {
    card = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { file, ok: false, readError: e.message, schemaErrors: [], rendererErrors: [], rendererWarnings: [] };
  }
  const teamsErrors = [];
  const forSchema = structuredClone(card);
  stripTeamsExtension(forSchema, '', teamsErrors);
  const schemaErrors = schemaTools.validate(forSchema) ? [] : explainedOrRaw(schemaTools, forSchema);
  const renderer = checkWithRenderer(card);
  return {
    file,
    ok: teamsErrors.length === 0 && schemaErrors.length === 0 && renderer.errors.length === 0,
    teamsErrors,
    schemaErrors,
    rendererErrors: renderer.errors,
    rendererWarnings: renderer.warnings,
  };
}

function main(args) {
  if (args.length === 0) {
    console.error('usage: node scripts/cards/check-cards.js <card.json | folder>...');
    return 2;
  }
  let schemaTools;
  let files;
  try {
    schemaTools = compileSchema(findSchemaPath());
    files = listCardFiles(args);
  } catch (e) {
    console.error(`check-cards: ${e.message}`);
    return 2;
  }
  if (files.length === 0) {
    console.error('check-cards: no card files found');
    return 2;
  }
  const results = files.map((file) => checkFile(file, schemaTools));
  const failed = results.filter((r) => !r.ok).length;
  console.log(JSON.stringify({ checked: results.length, failed, results }, null, 2));
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
