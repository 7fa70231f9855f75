#!/usr/bin/env node
// `npm run provider -- <command>`: runs the built CLI without rebuilding first (a kcat line calls it
// twice; `npm start` has built it). See README.md.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('the provider tools are not built yet: run `npm run build` (or `npm start`) first\n');
  process.exit(2);
}
require(cli);
