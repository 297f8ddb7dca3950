/** `dist/server.cjs`: starts the language server bundle (`dist/server-main.cjs`) from the code cache (see `compile-cache.ts`). */
import { join } from 'node:path';
import { compileCacheDir, runBundle } from './compile-cache';

// Written 5 s after start too: by then the start and a first analysis are compiled, and an editor may end the server without an exit handler running.
runBundle(join(__dirname, 'server-main.cjs'), { cacheDir: compileCacheDir(), writeAfterMs: 5000 });
