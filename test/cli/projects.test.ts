/** Projects from the command line: a fixture exercise of three documents written by the team. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli';

const PROJECT = join(import.meta.dirname, '..', 'fixtures', 'projects', 'north-2026');

const run = (args: string[]) => runCli(args, PROJECT);

interface Item {
  status: string;
  evidence: { file?: string; line: number; text: string }[];
}
interface Coverage {
  files: { file: string; principles: Record<string, Item> }[];
  projects: { name: string; files: string[]; principles: Record<string, Item>; substeps: Record<string, Item>; steps: Record<string, Item> }[];
}

test('coverage JSON adds a projects array with the per-item shape of files, evidence naming its file', async () => {
  const { code, stdout } = await run(['coverage', '--format', 'json', '.']);
  assert.equal(code, 0);
  const report = JSON.parse(stdout) as Coverage;
  assert.deepEqual(report.files.map((f) => f.file), ['methodology.md', 'monitoring-sop.md', 'sharing-protocol.md']);
  const [project, ...others] = report.projects;
  assert.equal(others.length, 0);
  // Two documents by the configuration's globs, one by its own `pim.project`; the notes are no PIM document.
  assert.deepEqual(project?.files, ['methodology.md', 'monitoring-sop.md', 'sharing-protocol.md']);
  assert.deepEqual(Object.keys(project?.principles ?? {}), Object.keys(report.files[0]?.principles ?? {}));
  // The methodology does not disseminate; the project does, in the SOP (the first of its documents that addresses it).
  assert.equal(report.files.find((f) => f.file === 'methodology.md')?.principles['defined-purpose']?.status, 'addressed');
  const sharing = project?.substeps['disseminate-and-share'];
  assert.equal(sharing?.status, 'addressed');
  assert.ok(sharing && sharing.evidence.length > 0);
  assert.ok(sharing?.evidence.every((e) => e.file === 'monitoring-sop.md' && e.line > 0 && e.text.length > 0));
  assert.equal(report.files.find((f) => f.file === 'methodology.md')?.principles['people-centred-and-inclusive']?.status, project?.principles['people-centred-and-inclusive']?.status);
});

test('coverage --project keeps that project and its documents, and names the known projects when it is unknown', async () => {
  const markdown = await run(['coverage', '--project', 'north-2026', '--format', 'markdown', '.']);
  assert.equal(markdown.code, 0);
  assert.match(markdown.stdout, /^## Project north-2026$/m);
  assert.match(markdown.stdout, /^ {2}- \[x\] Disseminate and Share \(monitoring-sop\.md:\d+/m);
  const unknown = await run(['coverage', '--project', 'south', '.']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no project "south" among these files; use one of: "north-2026"\./);
  const misplaced = await run(['--project', 'north-2026', '.']);
  assert.equal(misplaced.code, 2);
});

test('a gap another document fills is a hint, and a recipient no agreement names is a warning on the sending document', async () => {
  const { stdout } = await run(['--format', 'json', '.']);
  const findings = JSON.parse(stdout) as { file: string; ruleId: string; severity: string; message: string; line: number }[];
  const retention = findings.find((f) => f.file === 'methodology.md' && f.ruleId === 'retention-missing');
  assert.equal(retention?.severity, 'hint');
  const recipient = findings.filter((f) => f.ruleId === 'project-consistency');
  assert.deepEqual(
    recipient.map((f) => [f.file, f.severity, f.line]),
    [['monitoring-sop.md', 'warning', 15]],
  );
  assert.match(recipient[0]?.message ?? '', /"cash partners"/);
});

test('a file linted alone is checked as itself: no project, no hints from documents not linted', async () => {
  const { stdout } = await run(['--format', 'json', 'methodology.md']);
  const findings = JSON.parse(stdout) as { ruleId: string; severity: string }[];
  assert.equal(findings.find((f) => f.ruleId === 'retention-missing')?.severity, 'warning');
});

test('pim-lint report writes one self-contained HTML page that escapes what documents say', async () => {
  const { tempWorkspace } = await import('../helpers/temp-workspace');
  const ws = tempWorkspace({
    'docs/<i>odd&.md': '---\npim:\n  kind: referral-sop\n---\n# Referral <script>alert(1)</script> SOP\n\n## Purpose\n\nWhy we refer people & how.\n',
  });
  try {
    const { code, stdout: html } = await runCli(['report', 'docs'], ws.root);
    assert.equal(code, 0);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script|<link|src=|@import|https?:\/\/(?!www\.w3\.org)/i, 'no script, no outside asset');
    assert.match(html, /docs\/&lt;i&gt;odd&amp;\.md/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /<table class="matrix">/);
    assert.match(html, /<table class="findings">/);
    assert.match(html, /href="docs\/%3Ci%3Eodd%26\.md#L\d+"/);
  } finally {
    ws.dispose();
  }
});
