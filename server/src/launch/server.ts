/** `dist/server.cjs`: starts the language server bundle (`dist/server-main.cjs`) from the code cache (see `compile-cache.ts`). */
import { join } from 'node:path';
import { compileCacheDir, runBundle } from './compile-cache';

// Written 5 s and 60 s after start too, as an editor may end the server without an exit handler
// running; and written again when a run has compiled more of it, such as its first analysis.
runBundle(join(__dirname, 'server-main.cjs'), { cacheDir: compileCacheDir(), writeAfterMs: [5000, 60_000], refresh: true });
