#!/usr/bin/env node
// `npm run reset`: wipes the embedded platform's data (.data/, or CFC_DATA_DIR): PostgreSQL, broker log, demo data.
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { join, resolve } = require('node:path');

const dataDir = resolve(__dirname, '..', process.env.CFC_DATA_DIR || '.data');
const pidFile = join(dataDir, 'pg', 'postmaster.pid');

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (existsSync(pidFile)) {
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && alive(pid)) {
    process.stderr.write(`reset: the platform is still running (PostgreSQL pid ${pid} uses ${dataDir}); stop \`npm start\` first\n`);
    process.exit(1);
  }
}
if (!existsSync(dataDir)) {
  process.stdout.write(`reset: nothing to wipe (${dataDir} does not exist)\n`);
} else {
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`reset: wiped ${dataDir}\n`);
}
