import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli } from '../helpers/run-cli';
import { tempWorkspace } from '../helpers/temp-workspace';

const ROOT = join(import.meta.dirname, '..', '..');

const SOP_WITH_ERRORS = '---\npim:\n  kind: referral-sop\n  status: final\n---\n# Referral SOP\n\n## Purpose\n\nWhy we refer.\n';
const CLEAN = '---\npim:\n  kind: dpia\n---\n# DPIA\n\n<!-- pim-disable-file -->\n';
const FILES = {
  'docs/sop.md': SOP_WITH_ERRORS,
  'docs/clean.md': CLEAN,
  'docs/notes.md': '# Meeting notes\n\nTODO: nothing about PIM here.\n',
  'docs/undeclared.md': '# Data sharing agreement\n\n## Parties\n\nA and B.\n\n## Purpose of the data sharing\n\nPlanning.\n',
};

test('folders: only documents that declare pim: are checked; errors give exit code 1', async () => {
  const ws = tempWorkspace(FILES);
  try {
    const { code, stdout } = await runCli(['docs', '--format', 'json'], ws.root);
    assert.equal(code, 1);
    const findings = JSON.parse(stdout) as { file: string; ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; refs: string[]; message: string }[];
    assert.deepEqual([...new Set(findings.map((f) => f.file))], ['docs/sop.md']);
    const first = findings.find((f) => f.ruleId === 'required-section')!;
    assert.deepEqual(Object.keys(first), ['file', 'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'refs']);
    assert.equal(first.severity, 'error');
    assert.deepEqual([first.line, first.column], [6, 1]);
    assert.ok(first.refs.includes('kind:referral-sop'));
  } finally {
    ws.dispose();
  }
});

test('files named explicitly are PIM documents even without front matter, and the kind is inferred', async () => {
  const ws = tempWorkspace(FILES);
  try {
    const { code, stdout } = await runCli(['docs/undeclared.md', 'docs/notes.md', '-f', 'json'], ws.root);
    const findings = JSON.parse(stdout) as { file: string; ruleId: string; message: string; severity: string }[];
    assert.equal(code, 0);
    const inferred = findings.find((f) => f.file === 'docs/undeclared.md' && f.ruleId === 'kind-inferred');
    assert.match(inferred?.message ?? '', /reads like this kind: Data sharing agreement; declare it with `pim: \{kind: data-sharing-agreement\}`/);
    assert.equal(inferred?.severity, 'info');
    assert.ok(findings.some((f) => f.file === 'docs/notes.md'));
    const forced = JSON.parse((await runCli(['docs/undeclared.md', '-f', 'json', '--kind', 'dpia'], ws.root)).stdout) as { ruleId: string; message: string }[];
    assert.ok(!forced.some((f) => f.ruleId === 'kind-inferred'));
    assert.ok(forced.some((f) => f.ruleId === 'required-section' && /DPIA|data protection impact/i.test(f.message)));
  } finally {
    ws.dispose();
  }
});

test('globs and config globs select documents; ignore globs skip them', async () => {
  const ws = tempWorkspace({
    ...FILES,
    '.pimrc.json': JSON.stringify({ documents: ['docs/notes.md'], ignore: ['docs/sop.md'] }),
  });
  try {
    const files = (out: string): string[] => [...new Set((JSON.parse(out) as { file: string }[]).map((f) => f.file))];
    assert.deepEqual(files((await runCli(['docs/*.md', '-f', 'json'], ws.root)).stdout), ['docs/notes.md']);
    assert.deepEqual(files((await runCli(['docs', '-f', 'json'], ws.root)).stdout), ['docs/notes.md']);
  } finally {
    ws.dispose();
  }
});

test('stylish output names file, position, severity, message and rule', async () => {
  const ws = tempWorkspace(FILES);
  try {
    const { stdout } = await runCli(['docs'], ws.root);
    assert.match(stdout, /^docs\/sop\.md\n/);
    assert.match(stdout, /\n {2}6:1 +error +This Referral SOP has no ".+" section, which it requires; .+ required-section\n/);
    assert.match(stdout, /\d+ problems \(\d+ errors, \d+ warnings, \d+ infos, \d+ hints\) in 2 PIM documents\n$/);
  } finally {
    ws.dispose();
  }
});

test('SARIF output is valid SARIF 2.1.0', async () => {
  const ws = tempWorkspace(FILES);
  try {
    const { stdout } = await runCli(['docs', '-f', 'sarif'], ws.root);
    const log = JSON.parse(stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: unknown[] }[] };
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const results = log.runs[0]!.results as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.ok(results.length > 0);
    for (const r of results) assert.equal(log.runs[0]!.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
    assert.equal(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'docs/sop.md');
    assert.ok(results.some((r) => r.level === 'error'));
  } finally {
    ws.dispose();
  }
});

test('SARIF rules cite the PIM source of their requirement, say how sure it is and link their page on the repository', async () => {
  const ws = tempWorkspace(FILES);
  try {
    const { stdout } = await runCli(['docs', '-f', 'sarif'], ws.root);
    type Descriptor = { id: string; helpUri?: string; help?: { text: string; markdown: string }; properties?: { source: string; certainty: string; sources: { title: string; url?: string }[] } };
    const descriptors = (JSON.parse(stdout) as { runs: { tool: { driver: { rules: Descriptor[] } } }[] }).runs[0]!.tool.driver.rules;
    const channel = descriptors.find((d) => d.id === 'unsafe-channel')!;
    assert.equal(channel.helpUri, 'https://github.com/pim-language-tools/pim-language-tools/blob/main/docs/rules/unsafe-channel.md');
    assert.deepEqual([channel.properties?.source, channel.properties?.certainty], ['S001 Annex 3; TEAM', 'partly-verified']);
    assert.ok(channel.properties?.sources.some((s) => s.title.startsWith('Third PIM Working Meeting Outcome Document')));
    assert.match(channel.help?.text ?? '', /Source: PIM Working Meeting 2016, Annex 3; the PIM Language Tools team \(partly stated in the source, partly our synthesis\)\./);
    assert.match(channel.help?.markdown ?? '', /^Principles in Action: [\s\S]*\n\n> Data is shared only over channels [\s\S]*\[Documentation\]\(https:\/\/github\.com\/[^)]+\/docs\/rules\/unsafe-channel\.md\)$/);
    assert.equal(descriptors.find((d) => d.id === 'referral-missing')?.properties?.certainty, 'verified');
    for (const id of ['config-invalid', 'internal-error']) assert.equal(descriptors.find((d) => d.id === id)?.helpUri, undefined, `${id} has no rule page`);
  } finally {
    ws.dispose();
  }
});

test('JUnit output is well-formed XML with a failure per finding', async () => {
  const ws = tempWorkspace({ ...FILES, 'docs/sop.md': SOP_WITH_ERRORS.replace('Why we refer.', 'Why we refer <people> & "cases".') });
  try {
    const { stdout } = await runCli(['docs', '-f', 'junit'], ws.root);
    assert.match(stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="pim-lint" tests="\d+" failures="\d+">/);
    const failures = stdout.match(/<failure /g)?.length ?? 0;
    assert.equal(Number(/failures="(\d+)"/.exec(stdout)?.[1]), failures);
    assert.match(stdout, /<testsuite name="docs\/clean\.md" tests="1" failures="0" errors="0">/);
    assert.doesNotMatch(stdout.replace(/<[^>]*>/g, ''), /[<>]/);
  } finally {
    ws.dispose();
  }
});

test('exit codes: 0 clean, 2 for usage errors, unknown files, formats or kinds, and invalid config', async () => {
  const ws = tempWorkspace(FILES);
  try {
    assert.equal((await runCli(['docs/clean.md'], ws.root)).code, 0);
    assert.equal((await runCli([], ws.root)).code, 2);
    assert.equal((await runCli(['nope.md'], ws.root)).code, 2);
    assert.equal((await runCli(['docs', '--format', 'xml'], ws.root)).code, 2);
    assert.equal((await runCli(['docs', '--kind', 'memo'], ws.root)).code, 2);
    assert.equal((await runCli(['docs', '--bogus'], ws.root)).code, 2);
  } finally {
    ws.dispose();
  }
  const bad = tempWorkspace({ ...FILES, '.pimrc.json': '{ "rules": { "required-sectoin": "off" } }' });
  try {
    const { code, stdout } = await runCli(['docs/clean.md', '-f', 'json'], bad.root);
    assert.equal(code, 2);
    const problem = (JSON.parse(stdout) as { file: string; ruleId: string; message: string; line: number }[]).find((f) => f.file === '.pimrc.json');
    assert.equal(problem?.ruleId, 'config-invalid');
    assert.match(problem?.message ?? '', /did you mean "required-section"/);
  } finally {
    bad.dispose();
  }
});

test('coverage: the JSON contract and the markdown checklist', async () => {
  const ws = tempWorkspace(FILES);
  try {
    const { code, stdout } = await runCli(['coverage', 'docs/sop.md'], ws.root);
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as { files: { file: string; kind: string; principles: Record<string, { status: string; evidence: { line: number; text: string }[] }>; substeps: Record<string, unknown>; steps: Record<string, unknown> }[] };
    const file = report.files[0]!;
    assert.deepEqual(Object.keys(file), ['file', 'kind', 'principles', 'substeps', 'steps']);
    assert.equal(file.kind, 'referral-sop');
    assert.equal(Object.keys(file.principles).length, 8);
    assert.equal(Object.keys(file.substeps).length, 12);
    assert.deepEqual(Object.keys(file.steps), ['assess-information-landscape', 'design-im-systems', 'implement-im-systems', 'evaluate-impact']);
    const purpose = file.substeps['define-purpose-and-information-needs'] as { status: string; evidence: { line: number; text: string }[] };
    assert.notEqual(purpose.status, 'missing');
    assert.ok(purpose.evidence.some((e) => e.line === 8 && e.text === '## Purpose'), JSON.stringify(purpose.evidence));
    const markdown = (await runCli(['coverage', 'docs/sop.md', '--format', 'markdown'], ws.root)).stdout;
    assert.match(markdown, /^# PIM coverage\n/);
    assert.match(markdown, /\n## docs\/sop\.md\n/);
    assert.match(markdown, /\n- \[[ x~]\] Do no harm/);
  } finally {
    ws.dispose();
  }
});

test('--print-knowledge: the whole knowledge base, every item with id, names and source', async () => {
  const { code, stdout } = await runCli(['--print-knowledge'], ROOT);
  assert.equal(code, 0);
  const k = JSON.parse(stdout);
  for (const key of ['principles', 'steps', 'categories', 'glossary', 'documentKinds']) assert.ok(Array.isArray(k[key]) && k[key].length > 0, key);
  const items = [...k.principles, ...k.steps, ...k.steps.flatMap((s: { substeps: unknown[] }) => s.substeps), ...k.categories, ...k.glossary, ...k.documentKinds];
  for (const item of items) {
    assert.equal(typeof item.id, 'string');
    assert.equal(typeof item.names.en, 'string', item.id);
    assert.equal(typeof item.source, 'string', item.id);
  }
  assert.equal(k.steps[0].substeps.length, 2);
});

test('the built bin runs from a shell, with the same exit codes', () => {
  const ws = tempWorkspace(FILES);
  try {
    const bin = join(ROOT, 'bin', 'pim-lint.cjs');
    const ok = spawnSync(process.execPath, [bin, 'docs/clean.md'], { cwd: ws.root, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /No problems in 1 PIM document\./);
    const failing = spawnSync(process.execPath, [bin, 'docs', '-f', 'json'], { cwd: ws.root, encoding: 'utf8' });
    assert.equal(failing.status, 1, failing.stderr);
    assert.ok(JSON.parse(failing.stdout).length > 0);
  } finally {
    ws.dispose();
  }
});

test('a reader that stops early (pim-lint | head) ends the output quietly, and the exit code still says what was found', async () => {
  // Output far past a pipe's buffer, so that the reader is gone while pim-lint still writes.
  const poor = '---\npim:\n  kind: dpia\n---\n# DPIA\n\nTODO\n\nCall +44 20 7946 0958.\n';
  const ws = tempWorkspace(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`docs/dpia-${i}.md`, poor])));
  try {
    const bin = join(ROOT, 'bin', 'pim-lint.cjs');
    const whole = spawnSync(process.execPath, [bin, 'docs', '-f', 'json'], { cwd: ws.root, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.ok(whole.stdout.length > 256 * 1024, `${whole.stdout.length} characters`);
    const child = spawn(process.execPath, [bin, 'docs', '-f', 'json'], { cwd: ws.root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('pim-lint did not exit within 60 s')), 60_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve(status);
      });
    });
    assert.equal(stderr, '');
    assert.equal(code, whole.status);
  } finally {
    ws.dispose();
  }
});

const ONLY_WARNINGS = '---\npim:\n  kind: dpia\n---\n# DPIA\n\nTODO\n';

test('--quiet reports errors only and keeps the exit code', async () => {
  const ws = tempWorkspace(FILES);
  try {
    const all = JSON.parse((await runCli(['docs', '-f', 'json'], ws.root)).stdout) as { severity: string }[];
    assert.ok(all.some((f) => f.severity !== 'error'));
    const { code, stdout } = await runCli(['docs', '-f', 'json', '--quiet'], ws.root);
    assert.equal(code, 1);
    const quiet = JSON.parse(stdout) as { severity: string }[];
    assert.deepEqual(quiet, all.filter((f) => f.severity === 'error'));
    const stylish = (await runCli(['docs/sop.md', '--quiet'], ws.root)).stdout;
    assert.match(stylish, /\n--quiet left out \d+ findings below error level\.\n$/);
  } finally {
    ws.dispose();
  }
});

test('--quiet never says "No problems" over the warnings it hides', async () => {
  const ws = tempWorkspace({ 'dpia.md': ONLY_WARNINGS });
  try {
    const { code, stdout } = await runCli(['dpia.md', '--quiet'], ws.root);
    assert.equal(code, 0);
    assert.match(stdout, /^No errors in 1 PIM document\.\n--quiet left out \d+ findings below error level\.\n$/);
  } finally {
    ws.dispose();
  }
});

test('--max-warnings: exit 1 with a message above the limit, counted even with --quiet; 2 for a value that is not a number', async () => {
  const ws = tempWorkspace({ 'dpia.md': ONLY_WARNINGS });
  try {
    const warnings = (JSON.parse((await runCli(['dpia.md', '-f', 'json'], ws.root)).stdout) as { severity: string }[]).filter((f) => f.severity === 'warning').length;
    assert.ok(warnings > 0);
    assert.equal((await runCli(['dpia.md'], ws.root)).code, 0);
    assert.equal((await runCli(['dpia.md', '--max-warnings', String(warnings)], ws.root)).code, 0);
    const over = await runCli(['dpia.md', '--max-warnings', String(warnings - 1), '-f', 'json'], ws.root);
    assert.equal(over.code, 1);
    assert.equal(over.stderr, `pim-lint: ${warnings} warnings, more than the ${warnings - 1} that --max-warnings allows; fix some of them or raise the limit.\n`);
    assert.ok(JSON.parse(over.stdout).length >= warnings, 'the report is still written');
    assert.equal((await runCli(['dpia.md', '--max-warnings=0', '--quiet'], ws.root)).code, 1);
    for (const bad of ['many', '1.5', '']) {
      const usage = await runCli(['dpia.md', '--max-warnings', bad], ws.root);
      assert.equal(usage.code, 2, bad);
      assert.ok(usage.stderr.startsWith(`pim-lint: --max-warnings needs a whole number of warnings, such as 0 or 10, not "${bad}".\n`), usage.stderr);
    }
    assert.match((await runCli(['dpia.md', '--max-warnings'], ws.root)).stderr, /^pim-lint: --max-warnings needs a value\./);
    assert.equal((await runCli(['coverage', 'dpia.md', '--quiet'], ws.root)).code, 2);
  } finally {
    ws.dispose();
  }
});

test('--declared-only checks named files as if found in a folder: front matter or config globs, and ignore globs apply', async () => {
  const ws = tempWorkspace({ ...FILES, 'docs/dpia.md': ONLY_WARNINGS, '.pimrc.json': JSON.stringify({ documents: ['docs/undeclared.md'], ignore: ['docs/sop.md'] }) });
  try {
    const named = ['docs/dpia.md', 'docs/sop.md', 'docs/notes.md', 'docs/undeclared.md'];
    const files = (out: string): string[] => [...new Set((JSON.parse(out) as { file: string }[]).map((f) => f.file))];
    assert.deepEqual(files((await runCli([...named, '-f', 'json'], ws.root)).stdout), ['docs/dpia.md', 'docs/notes.md', 'docs/sop.md', 'docs/undeclared.md']);
    assert.deepEqual(files((await runCli([...named, '-f', 'json', '--declared-only'], ws.root)).stdout), ['docs/dpia.md', 'docs/undeclared.md']);
    assert.match((await runCli(['docs/notes.md', '--declared-only'], ws.root)).stdout, /^No problems in 0 PIM documents\.\n$/);
  } finally {
    ws.dispose();
  }
});
