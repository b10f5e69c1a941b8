#!/usr/bin/env node
// Builds the Teams app package: manifest/manifest.json with the ids filled in, the Thai (default) and
// English localization files, the two icons drawn by icons.js, zipped flat into manifest/build/appPackage.zip.
// Usage: node scripts/manifest/package.js <bot-app-id> [bot-host-name]
//   DEVELOPER_URL, PRIVACY_URL, TERMS_URL override the office's pages shown on the app's details.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { drawIcons } = require('./icons');

const root = path.resolve(__dirname, '..', '..');
const source = path.join(root, 'manifest');
const out = path.join(source, 'build');
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^[A-Za-z0-9*]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

const [appId, hostName] = process.argv.slice(2);
if (!appId || !GUID.test(appId) || (hostName !== undefined && !HOST.test(hostName))) {
  console.error('usage: manifest/build.sh <bot-app-id (a GUID: the botAppId output of infra/main.bicep)> [bot-host-name (botHostName)]');
  process.exit(2);
}

const officeSite = 'https://www.sesao1.go.th';
const text = fs.readFileSync(path.join(source, 'manifest.json'), 'utf8')
  .replaceAll('{{BOT_APP_ID}}', appId.toLowerCase())
  .replaceAll('{{DEVELOPER_URL}}', process.env.DEVELOPER_URL || officeSite)
  .replaceAll('{{PRIVACY_URL}}', process.env.PRIVACY_URL || officeSite)
  .replaceAll('{{TERMS_URL}}', process.env.TERMS_URL || officeSite)
  .replace('"{{VALID_DOMAINS}}"', JSON.stringify(hostName ? [hostName] : []));
const manifest = JSON.parse(text);

// The default-language file repeats the manifest's own Thai strings, so they are written once, here.
const localizationSchema = `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`;
const thai = {
  $schema: localizationSchema,
  'name.short': manifest.name.short,
  'name.full': manifest.name.full,
  'description.short': manifest.description.short,
  'description.full': manifest.description.full,
};
manifest.bots[0].commandLists.forEach((list, l) => list.commands.forEach((command, c) => {
  thai[`bots[0].commandLists[${l}].commands[${c}].title`] = command.title;
  thai[`bots[0].commandLists[${l}].commands[${c}].description`] = command.description;
}));

fs.rmSync(out, { recursive: true, force: true });
const staging = path.join(out, 'package');
fs.mkdirSync(staging, { recursive: true });
fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
fs.writeFileSync(path.join(staging, manifest.localizationInfo.defaultLanguageFile), JSON.stringify(thai, null, 2) + '\n');
for (const language of manifest.localizationInfo.additionalLanguages) {
  fs.copyFileSync(path.join(source, language.file), path.join(staging, language.file));
}
drawIcons(staging);

const zipPath = path.join(out, 'appPackage.zip');
fs.writeFileSync(zipPath, zip(fs.readdirSync(staging).sort().map(name => ({ name, data: fs.readFileSync(path.join(staging, name)) }))));
console.log(zipPath);

// A flat zip with deflated entries and a fixed 1980-01-01 timestamp, so the same input gives the same bytes.
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const compressed = zlib.deflateRawSync(data, { level: 9 });
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, compressed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
