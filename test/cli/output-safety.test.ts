/** Document text and file names in human-readable reports: no terminal control sequences, and URIs and Markdown that mean the file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/run-cli';
import { tempWorkspace } from '../helpers/temp-workspace';

const run = async (args: string[], cwd: string): Promise<string> => (await runCli(args, cwd)).stdout;

const HOSTILE_HEADING = 'Scope \u001b[2J\u001b]0;owned\u0007 \u009b31m \u0000 done';
const DOCUMENT = `---\npim:\n  kind: report\n---\n# Report\n\n## ${HOSTILE_HEADING}\n\n## Methodology\n\nText.\n`;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('stylish and github output show control characters of headings as visible escapes, never raw', async () => {
  const ws = tempWorkspace({ 'report.md': DOCUMENT });
  try {
    for (const format of ['stylish', 'github']) {
      const out = await run(['report.md', '--format', format], ws.root);
      assert.match(out, /empty-section/, `${format} reports the empty section`);
      assert.doesNotMatch(out, CONTROL, `${format}: ${JSON.stringify(out.split('\n').find((l) => CONTROL.test(l)))}`);
      assert.match(out, /Scope \\x1B\[2J\\x1B\]0;owned\\x07 \\x9B31m \\x00 done/);
    }
  } finally {
    ws.dispose();
  }
});

test('SARIF artifact URIs percent-encode #, ? and %, and resolve back to the file name', async () => {
  const name = 'we#ird?name 100%.md';
  const ws = tempWorkspace({ [`docs/${name}`]: DOCUMENT });
  try {
    const sarif = JSON.parse(await run(['docs', '--format', 'sarif'], ws.root)) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['docs/we%23ird%3Fname%20100%25.md']);
    const resolved = new URL([...uris][0]!, 'file:///repo/');
    assert.equal(resolved.hash, '');
    assert.equal(resolved.search, '');
    assert.equal(decodeURIComponent(resolved.pathname), `/repo/docs/${name}`);
  } finally {
    ws.dispose();
  }
});

test('coverage Markdown escapes file names, so that a name cannot add links, emphasis or headings', async () => {
  const name = 'a_[b](c)*d|e#.md';
  const ws = tempWorkspace({ [name]: DOCUMENT });
  try {
    const markdown = await run(['coverage', name, '--format', 'markdown'], ws.root);
    assert.match(markdown, /^## a\\_\\\[b\\\]\\\(c\\\)\\\*d\\\|e\\#\.md$/m);
  } finally {
    ws.dispose();
  }
});
