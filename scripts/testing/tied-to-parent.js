#!/usr/bin/env node
// Runs a command for as long as a parent process lives. The test suite starts Azurite and the
// Playground through this, so they stop even when the test host is killed before its exit hooks run.
// Usage: node scripts/testing/tied-to-parent.js <parent pid> <command> [args...]
'use strict';
const { spawn } = require('child_process');

const [parentPid, command, ...args] = process.argv.slice(2);
if (!parentPid || !command) {
  console.error('usage: tied-to-parent.js <parent pid> <command> [args...]');
  process.exit(2);
}
const child = spawn(command, args, { stdio: 'inherit' });
const stop = () => {
  child.kill('SIGTERM');
  setTimeout(() => { child.kill('SIGKILL'); process.exit(0); }, 3000).unref();
};
setInterval(() => {
  try {
    process.kill(Number(parentPid), 0);
  } catch {
    stop();
  }
}, 1000);
child.on('exit', (code) => process.exit(code ?? 0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
