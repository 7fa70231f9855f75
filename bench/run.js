#!/usr/bin/env node
// npm run bench -- <name>: runs bench/<name>/main.ts (compiled to bench/dist/<name>/main.js by `npm run build`).
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const [name, ...args] = process.argv.slice(2);
const available = readdirSync(__dirname, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'dist' && existsSync(join(__dirname, d.name, 'main.ts')))
  .map((d) => d.name);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>   (one of: ${available.join(', ') || 'none yet'})`);
  process.exit(2);
}
const result = spawnSync(process.execPath, [join(__dirname, 'dist', name, 'main.js'), ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
