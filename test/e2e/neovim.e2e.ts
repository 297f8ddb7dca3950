/** Neovim's built-in LSP client, which nobody on this team wrote, against the bundled server. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

test('headless Neovim receives the diagnostics and a hover from pim-language-server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pim-nvim-'));
  try {
    const document = join(dir, 'referral-sop.md');
    copyFileSync(join(import.meta.dirname, 'fixtures', 'referral-sop.md'), document);
    const out = join(dir, 'result.json');
    const run = spawnSync('nvim', ['--headless', '-u', join(import.meta.dirname, 'nvim', 'init.lua'), document], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PIM_SERVER: join(ROOT, 'dist', 'server.cjs'), PIM_NODE: process.execPath, PIM_NVIM_OUT: out, PIM_HOVER_LINE: '8', PIM_HOVER_CHARACTER: '75' },
    });
    assert.equal(run.error, undefined, `nvim could not run: ${run.error?.message} (install Debian's neovim)`);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { published: boolean; diagnostics: { code: string; source: string; line: number; message: string }[]; hover: string | null };
    assert.equal(result.published, true, 'no diagnostics arrived within 30 s');
    const missing = result.diagnostics.filter((d) => d.code === 'required-section');
    assert.deepEqual(
      missing.map((d) => d.message.match(/"(.+?)"/)?.[1]).sort(),
      ['Consent for referral', 'Follow-up and feedback', 'Referral procedure'],
    );
    assert.ok(result.diagnostics.every((d) => d.source === 'pim'));
    assert.equal(missing[0]?.line, 4);
    assert.match(result.hover ?? '', /^\*\*Informed consent\*\* · PIM term\n\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
