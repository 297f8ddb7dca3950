/** pim-lint on files that editors handle quietly: byte order marks and broken front matter. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/run-cli';
import { tempWorkspace } from '../helpers/temp-workspace';

interface JsonFinding {
  file: string;
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

const SOP = '---\npim:\n  kind: referral-sop\n  staus: draft\n---\n# Referral SOP\n\n## Purpose\n\nCall +44 20 7946 0958.\n';

test('a byte order mark changes no line or column, and a file with one is found in a folder', async () => {
  const ws = tempWorkspace({ 'docs/plain.md': SOP, 'docs/bom.md': `\uFEFF${SOP}` });
  try {
    const { stdout } = await runCli(['docs', '--format', 'json'], ws.root);
    const findings = JSON.parse(stdout) as JsonFinding[];
    const where = (file: string) => findings.filter((f) => f.file === file).map(({ ruleId, line, column, endLine, endColumn }) => [ruleId, line, column, endLine, endColumn]);
    assert.ok(where('docs/plain.md').length > 2);
    assert.deepEqual(where('docs/bom.md'), where('docs/plain.md'));
  } finally {
    ws.dispose();
  }
});

test('a .pimrc.json saved with a byte order mark is read', async () => {
  const ws = tempWorkspace({ '.pimrc.json': '\uFEFF{ "rules": { "front-matter": "off" } }', 'sop.md': SOP });
  try {
    const { code, stdout } = await runCli(['sop.md', '--format', 'json'], ws.root);
    const findings = JSON.parse(stdout) as JsonFinding[];
    assert.ok(!findings.some((f) => f.ruleId === 'config-invalid'), JSON.stringify(findings.filter((f) => f.ruleId === 'config-invalid')));
    assert.ok(!findings.some((f) => f.ruleId === 'front-matter'));
    assert.notEqual(code, 2);
  } finally {
    ws.dispose();
  }
});

test('a folder run reports a YAML error in the front matter of a file that declares pim:, instead of "No problems"', async () => {
  const ws = tempWorkspace({ 'docs/broken.md': '---\npim:\n  kind: [referral-sop\n---\n# Referral SOP\n', 'docs/notes.md': '---\ntitle: [x\n---\n# Notes\n' });
  try {
    const { stdout } = await runCli(['docs'], ws.root);
    assert.doesNotMatch(stdout, /No problems/);
    assert.match(stdout, /docs\/broken\.md\n\s+[34]:\d+\s+warning\s+The front matter is not valid YAML \(.+\); correct it .*front-matter/);
    assert.doesNotMatch(stdout, /notes\.md/);
    assert.match(stdout, /in 1 PIM document$/m);
  } finally {
    ws.dispose();
  }
});
