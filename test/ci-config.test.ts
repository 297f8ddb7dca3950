/**
 * The files that CI systems read: action.yml, .pre-commit-hooks.yaml and the README's examples for
 * pre-commit, GitHub Actions and GitLab, checked for the structure each system requires and for
 * agreement with each other. Running them is test/npm-package.test.ts's job.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const manifest = JSON.parse(read('package.json')) as { bin: Record<string, string>; repository: { url: string } };
/** owner/name of the GitHub repository, as `uses:` and pre-commit's `repo:` name it. */
const REPOSITORY = new URL(manifest.repository.url).pathname.replace(/^\//, '').replace(/\.git$/, '');

interface Input {
  description?: string;
  default?: string;
}
interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, Input>;
  outputs: Record<string, { description?: string; value?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(read('action.yml')) as Action;

test('action.yml: a composite action with described inputs for paths, format, args, sarif-file, upload-sarif and version', () => {
  assert.equal(typeof action.name, 'string');
  assert.equal(typeof action.description, 'string');
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'format', 'paths', 'sarif-file', 'upload-sarif', 'version']);
  for (const [name, input] of Object.entries(action.inputs)) {
    assert.ok(input.description, `input ${name} has no description`);
    assert.equal(typeof input.default, 'string', `input ${name}: a composite action's defaults are strings`);
  }
  assert.equal(action.inputs.format?.default, 'github');
  assert.equal(action.inputs['upload-sarif']?.default, 'false');
  for (const [name, output] of Object.entries(action.outputs)) assert.match(output.value ?? '', /^\$\{\{ steps\.lint\.outputs\.[\w-]+ \}\}$/, name);
});

test('action.yml: every run step names its shell, and inputs reach scripts through env, never spliced into the script', () => {
  const text = read('action.yml');
  for (const reference of text.matchAll(/\binputs\.([\w-]+)/g)) assert.ok(reference[1] as string in action.inputs, `unknown input ${reference[1]}`);
  for (const step of action.runs.steps.filter((s) => s.run !== undefined)) {
    assert.equal(step.shell, 'bash', step.name);
    assert.doesNotMatch(step.run as string, /\$\{\{/, `${step.name}: an expression inside run: would be spliced into the script`);
  }
});

test('action.yml: installs the package globally, from npm or packed from the action folder, then lints, uploads SARIF when asked and fails last', () => {
  const [install, lint, upload, fail] = action.runs.steps;
  assert.match(install?.run ?? '', /npm install --global [^\n]*"pim-language-tools@\$PIM_VERSION"/);
  assert.match(install?.run ?? '', /cd "\$GITHUB_ACTION_PATH"\n\s*npm ci [^\n]*\n\s*npm pack [^\n]*\n\s*npm install --global [^\n]*\.tgz/);
  assert.match(install?.run ?? '', />> "\$GITHUB_PATH"/);
  assert.equal(lint?.id, 'lint');
  assert.equal(upload?.uses, 'github/codeql-action/upload-sarif@v3');
  assert.equal(upload?.if, "inputs.upload-sarif == 'true'");
  assert.equal(upload?.with?.sarif_file, '${{ steps.lint.outputs.sarif-file }}');
  assert.equal(fail?.if, "steps.lint.outputs.exit-code != '0'");
  assert.match(fail?.run ?? '', /exit "\$PIM_EXIT_CODE"/);
});

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
}

test('.pre-commit-hooks.yaml: the pim-lint hook runs the package bin with node on Markdown files', () => {
  const hooks = parse(read('.pre-commit-hooks.yaml')) as Hook[];
  assert.ok(Array.isArray(hooks));
  const hook = hooks.find((h) => h.id === 'pim-lint');
  assert.ok(hook);
  for (const key of ['id', 'name', 'entry', 'language'] as const) assert.equal(typeof hook[key], 'string', key);
  assert.equal(hook.language, 'node');
  assert.equal(hook.files, '\\.md$');
  const [command, ...args] = hook.entry.split(/\s+/);
  assert.equal(command, 'pim-lint');
  assert.ok(command in manifest.bin);
  assert.deepEqual(args, ['--declared-only']);
  const files = new RegExp(hook.files);
  assert.ok(files.test('docs/sop.md'));
  assert.ok(!files.test('docs/sop.md.orig') && !files.test('notes.txt'));
});

/** The first YAML block under a `### heading` of the README's "Continuous integration" section. */
function readmeExample(heading: string): unknown {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Continuous integration'));
  const start = section.indexOf(`\n### ${heading}\n`);
  assert.ok(start >= 0, `README has no "### ${heading}" under "## Continuous integration"`);
  const block = /```yaml\n([\s\S]*?)```/.exec(section.slice(start));
  assert.ok(block, `no YAML example under "### ${heading}"`);
  return parse(block[1] as string);
}

test('README: the pre-commit example uses this repository and its hook', () => {
  const config = readmeExample('pre-commit') as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
  const repo = config.repos[0];
  assert.equal(repo?.repo, `https://github.com/${REPOSITORY}`);
  assert.equal(typeof repo?.rev, 'string');
  const hookIds = (parse(read('.pre-commit-hooks.yaml')) as Hook[]).map((h) => h.id);
  for (const hook of repo?.hooks ?? []) assert.ok(hookIds.includes(hook.id), hook.id);
});

test('README: the GitHub workflow example uses the action with inputs it has, and the permission SARIF upload needs', () => {
  const workflow = readmeExample('GitHub Actions') as { on: unknown; permissions: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: Step[] }> };
  assert.ok(workflow.on);
  const steps = Object.values(workflow.jobs).flatMap((job) => {
    assert.equal(typeof job['runs-on'], 'string');
    return job.steps;
  });
  assert.equal(steps[0]?.uses?.split('@')[0], 'actions/checkout', 'the checkout comes first: paths are the repository’s');
  const ours = steps.find((s) => s.uses?.startsWith(`${REPOSITORY}@`));
  assert.ok(ours, `no step uses ${REPOSITORY}@<ref>`);
  for (const key of Object.keys(ours.with ?? {})) assert.ok(key in action.inputs, `action.yml has no input ${key}`);
  if (String(ours.with?.['upload-sarif']) === 'true') assert.equal(workflow.permissions['security-events'], 'write');
});

test('README: the GitLab example writes a Code Quality report and declares it, also when the job fails', () => {
  const config = readmeExample('GitLab') as Record<string, { image?: string; script: string[]; artifacts: { when?: string; reports: { codequality: string } } }>;
  const job = Object.values(config).find((j) => j.artifacts?.reports?.codequality);
  assert.ok(job, 'no job declares artifacts.reports.codequality');
  const lint = job.script.find((line) => line.startsWith('pim-lint '));
  assert.match(lint ?? '', /--format codequality/);
  assert.equal(/--output (\S+)/.exec(lint ?? '')?.[1], job.artifacts.reports.codequality);
  assert.equal(job.artifacts.when, 'always');
  assert.ok(job.script.some((line) => /npm install --global/.test(line)), 'the job installs pim-lint');
});
