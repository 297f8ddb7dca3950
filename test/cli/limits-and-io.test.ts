/** pim-lint on files too big to check, files it cannot read and reports it cannot write. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, openSync, ftruncateSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli';
import { tempWorkspace } from '../helpers/temp-workspace';

interface JsonFinding {
  file: string;
  ruleId: string;
  message: string;
}

const SOP = '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Purpose\n\nWhy we refer people.\n';
const big = (bytes: number): string => `${SOP}\n${'The monitor records the answer of each respondent.\n\n'.repeat(Math.ceil(bytes / 52))}`;

test('a file over 5 MB is reported with one finding that says its size, the limit and how to raise it, not skipped', async () => {
  const ws = tempWorkspace({ 'docs/big.md': big(6 * 1024 * 1024), 'docs/small.md': SOP });
  try {
    const { stdout } = await runCli(['docs'], ws.root);
    assert.match(stdout, /docs\/big\.md\n\s+2:1\s+warning\s+This document is 6\.1 MB, more than the 5 MB that PIM Language Tools checks, so it was not checked; split it into smaller documents, or raise maxDocumentSize in \.pimrc\.json \(in bytes, now 5,242,880\) or the setting pim\.maxDocumentSize\.\s+document-declined/);
    assert.match(stdout, /in 2 PIM documents$/m);
  } finally {
    ws.dispose();
  }
});

test('maxDocumentSize in .pimrc.json lowers or raises the limit', async () => {
  const ws = tempWorkspace({ '.pimrc.json': '{ "maxDocumentSize": 1000 }', 'sop.md': big(2000), 'raised/.pimrc.json': '{ "maxDocumentSize": 8388608 }', 'raised/big.md': big(6 * 1024 * 1024) });
  try {
    const lowered = JSON.parse((await runCli(['sop.md', '-f', 'json'], ws.root)).stdout) as JsonFinding[];
    assert.deepEqual(
      lowered.map((f) => f.ruleId),
      ['document-declined'],
    );
    assert.match(lowered[0]?.message ?? '', /^This document is 2\.\d KB, more than the 1,000 bytes that PIM Language Tools checks/);
    const raised = JSON.parse((await runCli(['raised/big.md', '-f', 'json'], ws.root)).stdout) as JsonFinding[];
    assert.ok(raised.length > 0);
    assert.ok(!raised.some((f) => f.ruleId === 'document-declined'), JSON.stringify(raised.slice(0, 3)));
  } finally {
    ws.dispose();
  }
});

test('maxDocumentSize must be a whole number of bytes', async () => {
  const ws = tempWorkspace({ '.pimrc.json': '{ "maxDocumentSize": "5 MB" }', 'sop.md': SOP });
  try {
    const { code, stdout } = await runCli(['sop.md'], ws.root);
    assert.equal(code, 2);
    assert.match(stdout, /maxDocumentSize/);
  } finally {
    ws.dispose();
  }
});

test('of a file of gigabytes only the beginning is read, and its front matter still says it is a PIM document', async () => {
  const ws = tempWorkspace({});
  try {
    mkdirSync(join(ws.root, 'docs'));
    // Sparse: two gigabytes on the file system's word, nothing on its disk. Read whole, it would not fit in a string.
    const fd = openSync(join(ws.root, 'docs', 'huge.md'), 'w');
    writeSync(fd, SOP);
    ftruncateSync(fd, 2 * 1024 * 1024 * 1024);
    closeSync(fd);
    const findings = JSON.parse((await runCli(['docs', '-f', 'json'], ws.root)).stdout) as JsonFinding[];
    assert.deepEqual(
      findings.map((f) => [f.file, f.ruleId]),
      [['docs/huge.md', 'document-declined']],
    );
    assert.match(findings[0]?.message ?? '', /^This document is 2,048 MB, more than the 5 MB /);
  } finally {
    ws.dispose();
  }
});

test('a link to nothing, in a folder or named, is one line on stderr with the path and what to do; the other files are checked and the exit code is 2', async () => {
  const ws = tempWorkspace({ 'docs/good.md': SOP, 'docs/folder.md/inside.md': SOP });
  try {
    symlinkSync(join(ws.root, 'nowhere.md'), join(ws.root, 'docs', 'gone.md'));
    for (const args of [['docs'], ['docs/gone.md', 'docs/good.md']]) {
      const { code, stdout, stderr } = await runCli(args, ws.root);
      assert.equal(code, 2, stderr);
      assert.equal(stderr, 'pim-lint: docs/gone.md cannot be read (it does not exist, or is a link to nothing); make it a readable file or leave it out of the paths given.\n');
      assert.match(stdout, /docs\/good\.md\n/);
    }
    // A folder named like a document is a folder: its documents are checked.
    assert.match((await runCli(['docs'], ws.root)).stdout, /docs\/folder\.md\/inside\.md\n/);
  } finally {
    ws.dispose();
  }
});

test('a link to a folder named like a document cannot be read, and says it is a folder', async () => {
  const ws = tempWorkspace({ 'docs/good.md': SOP, 'elsewhere/notes.txt': 'x' });
  try {
    symlinkSync(join(ws.root, 'elsewhere'), join(ws.root, 'docs', 'x.md'));
    const { code, stderr, stdout } = await runCli(['docs'], ws.root);
    assert.equal(code, 2);
    assert.equal(stderr, 'pim-lint: docs/x.md cannot be read (it is a folder); make it a readable file or leave it out of the paths given.\n');
    assert.match(stdout, /docs\/good\.md\n/);
  } finally {
    ws.dispose();
  }
});

test('a report that cannot be written is one line on stderr with the path and what to do, and exit code 2', async () => {
  const ws = tempWorkspace({ 'sop.md': SOP });
  try {
    for (const [output, reason] of [
      ['/nonexistent/dir/out.sarif', 'the folder /nonexistent/dir does not exist'],
      ['.', 'it is a folder'],
    ] as const) {
      const { code, stdout, stderr } = await runCli(['sop.md', '-f', 'sarif', '-o', output], ws.root);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, `pim-lint: cannot write the report to ${output} (${reason}); choose a writable path with -o, or leave -o out to print the report.\n`);
    }
  } finally {
    ws.dispose();
  }
});

test('in SARIF, a declined document and the configuration problems point at rule descriptors that say what they are', async () => {
  const ws = tempWorkspace({ '.pimrc.json': '{ "maxDocumentSize": 1000 }', 'sop.md': big(2000) });
  try {
    const sarif = JSON.parse((await runCli(['sop.md', '-f', 'sarif'], ws.root)).stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string; ruleIndex?: number }[] }[] };
    const [runResult] = sarif.runs;
    const result = runResult?.results.find((r) => r.ruleId === 'document-declined');
    assert.ok(result, 'no document-declined result');
    const descriptor = runResult?.tool.driver.rules[result.ruleIndex as number];
    assert.equal(descriptor?.id, 'document-declined');
    assert.match(descriptor?.shortDescription.text ?? '', /not checked/);
    for (const id of ['config-invalid', 'internal-error', 'too-many-findings']) assert.ok(runResult?.tool.driver.rules.some((r) => r.id === id), id);
  } finally {
    ws.dispose();
  }
});
