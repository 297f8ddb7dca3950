/** `dist/cli.cjs`: starts the CLI bundle (`dist/cli-main.cjs`) from the code cache (see `compile-cache.ts`), written when the run ends. */
import { join } from 'node:path';
import { compileCacheDir, runBundle } from './compile-cache';

runBundle(join(__dirname, 'cli-main.cjs'), { cacheDir: compileCacheDir() });
