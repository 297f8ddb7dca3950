#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ by `npm run build`.
const path = require('node:path');
const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
try {
  require.resolve(bundle);
} catch {
  console.error(`pim-lint: ${bundle} is missing; run \`npm run build\` first.`);
  process.exit(2);
}
require(bundle);
