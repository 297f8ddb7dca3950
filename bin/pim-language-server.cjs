#!/usr/bin/env node
// Thin launcher: the language server is bundled into dist/ by `npm run build`.
const path = require('node:path');
const bundle = path.join(__dirname, '..', 'dist', 'server.cjs');
try {
  require.resolve(bundle);
} catch {
  console.error(`pim-language-server: ${bundle} is missing; run \`npm run build\` first.`);
  process.exit(2);
}
require(bundle);
