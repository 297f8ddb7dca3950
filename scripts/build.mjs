/**
 * Bundles the CLI, the language server and the VS Code client with esbuild into dist/.
 * Type checking is separate (`npm run typecheck`); esbuild only strips types.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');

// `cli.cjs` and `server.cjs` are small launchers that run the `-main` bundles from V8's code cache.
const entries = [
  { in: 'server/src/cli/bin.ts', out: 'dist/cli-main.cjs', external: [] },
  { in: 'server/src/main.ts', out: 'dist/server-main.cjs', external: [] },
  { in: 'server/src/launch/cli.ts', out: 'dist/cli.cjs', external: [] },
  { in: 'server/src/launch/server.ts', out: 'dist/server.cjs', external: [] },
  { in: 'server/src/parse-worker.ts', out: 'dist/parse-worker.cjs', external: [] },
  { in: 'client/src/extension.ts', out: 'dist/extension.cjs', external: ['vscode'] },
].filter((entry) => existsSync(entry.in));

await Promise.all(
  entries.map((entry) =>
    build({
      entryPoints: [entry.in],
      outfile: entry.out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: entry.external,
      sourcemap: production ? false : 'linked',
      minify: production,
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
);
console.log(`built ${entries.map((e) => e.out).join(', ')}`);
