/**
 * The npm package as users get it: `npm pack` on a checkout that was never built, an offline global
 * install of the tarball into a temporary prefix, then the installed commands, the pre-commit hook's
 * entry and the GitHub Action's lint step. One tarball and one install serve every test here.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { rules } from '../server/src/engine/index';
import { startTestClient } from './helpers/lsp-client';
import { tempWorkspace } from './helpers/temp-workspace';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'documents');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** What a fresh clone does not have: build output, installed packages, local state. */
const NOT_IN_A_CLONE = new Set(['node_modules', 'dist', 'out', '.git', 'test-output', '.test-output']);
const COMMAND_TIMEOUT_MS = 120_000;

let work: string;
let packStdout: string;
let tarball: string;
let bin: string;
let installedPackage: string;

/** The environment of every command: no npm_* variables of an enclosing `npm test`, a throw-away cache and user config, no update check. */
function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return {
    ...inherited,
    PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter),
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_userconfig: join(work, 'npmrc'),
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

function runIn(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = isolatedEnv()): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: COMMAND_TIMEOUT_MS });
  if (result.error) throw result.error;
  return result;
}

function assertSucceeded(result: SpawnSyncReturns<string>, what: string): void {
  assert.equal(result.status, 0, `${what} failed:\n${result.stdout}\n${result.stderr}`);
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'pim-npm-'));
  const prefix = join(work, 'prefix');
  // Where npm puts global commands and packages under a prefix.
  bin = process.platform === 'win32' ? prefix : join(prefix, 'bin');
  installedPackage = join(prefix, ...(process.platform === 'win32' ? [] : ['lib']), 'node_modules', 'pim-language-tools');
  const checkout = join(work, 'checkout');
  cpSync(ROOT, checkout, { recursive: true, filter: (source) => !NOT_IN_A_CLONE.has(relative(ROOT, source).split(sep)[0] as string) && !/\.(vsix|tgz)$/.test(source) });
  // The build tools, as `npm ci` would have installed them.
  symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'junction');
  const packed = runIn(checkout, NPM, ['pack', '--pack-destination', work]);
  assertSucceeded(packed, 'npm pack');
  packStdout = packed.stdout;
  // npm prints the tarball name last; a test below checks that it prints nothing else.
  tarball = join(work, packStdout.trim().split('\n').pop() as string);
  assertSucceeded(runIn(work, NPM, ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball]), 'npm install --global of the tarball');
});

after(() => {
  rmSync(work, { recursive: true, force: true });
});

test('npm pack on a checkout that was never built ships the built CLI and server, the knowledge base, the schemas and the rule docs, and nothing else', () => {
  const listed = runIn(work, 'tar', ['-tzf', tarball]);
  assertSucceeded(listed, 'tar -tzf');
  const files = listed.stdout.trim().split('\n').map((entry) => entry.replace(/^package\//, ''));
  const allowed = [
    /^(package\.json|README\.md|LICENSE)$/,
    /^bin\/(pim-lint|pim-language-server)\.cjs$/,
    /^dist\/(cli|cli-main|server|server-main|parse-worker)\.cjs$/,
    /^server\/knowledge\/[\w.-]+\.json$/,
    /^server\/schemas\/[\w.-]+\.json$/,
    /^docs\/rules\/[\w-]+\.md$/,
  ];
  assert.deepEqual(files.filter((file) => !allowed.some((pattern) => pattern.test(file))), []);
  const knowledgeFiles = readdirSync(join(ROOT, 'server', 'knowledge')).map((name) => `server/knowledge/${name}`);
  const rulePages = rules.map((r) => `docs/rules/${r.id}.md`);
  for (const required of ['package.json', 'README.md', 'LICENSE', 'bin/pim-lint.cjs', 'bin/pim-language-server.cjs', 'dist/cli.cjs', 'dist/cli-main.cjs', 'dist/server.cjs', 'dist/server-main.cjs', 'dist/parse-worker.cjs', 'server/schemas/pimrc.schema.json', ...knowledgeFiles, ...rulePages]) {
    assert.ok(files.includes(required), `${required} is not in the tarball`);
  }
  // The prepack build is the production one: without source maps, which are not shipped.
  assert.doesNotMatch(readFileSync(join(installedPackage, 'dist', 'cli.cjs'), 'utf8'), /sourceMappingURL/);
});

test('npm pack prints only the tarball name, which pre-commit reads to install the hook', () => {
  assert.equal(packStdout, `${basename(tarball)}\n`);
});

test('the package needs nothing from the registry: no dependencies to install', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies']) assert.equal(manifest[field], undefined, field);
});

test('pim-lint, installed offline from the tarball, checks documents with the documented exit codes', () => {
  const clean = runIn(FIXTURES, join(bin, 'pim-lint'), ['en-sop-good.md']);
  assert.equal(clean.status, 0, clean.stderr);
  assert.match(clean.stdout, /in 1 PIM document\n$/);
  const failing = runIn(FIXTURES, join(bin, 'pim-lint'), ['unknown-kind.md', '--format', 'json']);
  assert.equal(failing.status, 1, failing.stderr);
  assert.ok((JSON.parse(failing.stdout) as { ruleId: string }[]).some((f) => f.ruleId === 'unknown-kind'));
  const usage = runIn(FIXTURES, join(bin, 'pim-lint'), ['--max-warnings', 'many', 'en-sop-good.md']);
  assert.equal(usage.status, 2);
  assert.match(runIn(FIXTURES, join(bin, 'pim-lint'), ['--version']).stdout, /^pim-lint \S+\n$/);
});

test('pim-language-server, installed from the tarball, answers initialize and publishes diagnostics over stdio', { timeout: 30_000 }, async () => {
  const client = await startTestClient(null, [join(bin, 'pim-language-server')]);
  try {
    assert.ok(client.initializeResult.capabilities.hoverProvider);
    const uri = pathToFileURL(join(FIXTURES, 'unknown-kind.md')).href;
    client.open(uri, readFileSync(join(FIXTURES, 'unknown-kind.md'), 'utf8'));
    const diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
    const unknownKind = diagnostics.find((d) => d.code === 'unknown-kind');
    // The rule's page is the one installed with the package, readable offline.
    const page = fileURLToPath(unknownKind?.codeDescription?.href ?? 'file:///nowhere');
    assert.equal(realpathSync(page), realpathSync(join(installedPackage, 'docs', 'rules', 'unknown-kind.md')));
  } finally {
    await client.stop();
  }
});

interface PreCommitHook {
  id: string;
  entry: string;
  files: string;
}

test("the pre-commit hook's entry, run as pre-commit runs it, checks the staged PIM documents and leaves other Markdown alone", () => {
  const hook = (parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as PreCommitHook[]).find((h) => h.id === 'pim-lint');
  assert.ok(hook);
  const [command, ...entryArgs] = hook.entry.split(/\s+/) as [string, ...string[]];
  const repository = tempWorkspace({
    'docs/unknown-kind.md': readFileSync(join(FIXTURES, 'unknown-kind.md'), 'utf8'),
    'docs/en-sop-good.md': readFileSync(join(FIXTURES, 'en-sop-good.md'), 'utf8'),
    'docs/not-pim.md': readFileSync(join(FIXTURES, 'not-pim.md'), 'utf8'),
    'README.md': '# Our protection documents\n\nTODO: describe the folders.\n',
    'notes.txt': 'Not Markdown.\n',
  });
  try {
    // pre-commit passes the staged files that match `files`, relative to the repository root.
    const staged = (files: string[]): string[] => files.filter((file) => new RegExp(hook.files).test(file));
    const all = staged(['README.md', 'docs/en-sop-good.md', 'docs/not-pim.md', 'docs/unknown-kind.md', 'notes.txt']);
    assert.deepEqual(all, ['README.md', 'docs/en-sop-good.md', 'docs/not-pim.md', 'docs/unknown-kind.md']);
    const failing = runIn(repository.root, join(bin, command), [...entryArgs, ...all]);
    assert.equal(failing.status, 1, failing.stderr);
    assert.match(failing.stdout, /^docs\/unknown-kind\.md\n.* error .*unknown-kind\n/m);
    assert.match(failing.stdout, /in 2 PIM documents\n$/);
    assert.doesNotMatch(failing.stdout, /README\.md|not-pim\.md/);
    const passing = runIn(repository.root, join(bin, command), [...entryArgs, ...staged(['README.md', 'docs/en-sop-good.md'])]);
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
  } finally {
    repository.dispose();
  }
});

interface ActionStep {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}

/** The value of `${{ inputs.name }}` in a step's env, from the given inputs or the action's defaults. */
function stepEnv(step: ActionStep, inputs: Record<string, string>, defaults: Record<string, { default?: string }>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step.env ?? {}).map(([name, expression]) => {
      const input = /^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$/.exec(expression)?.[1];
      assert.ok(input, `${name}: the test only knows \${{ inputs.* }} expressions, not ${expression}`);
      return [name, inputs[input] ?? defaults[input]?.default ?? ''];
    }),
  );
}

test("the GitHub Action's lint step annotates, writes SARIF, leaves globs to pim-lint and records the exit code", () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { steps: ActionStep[] } };
  const lint = action.runs.steps.find((step) => step.id === 'lint');
  assert.ok(lint?.run);
  const workspace = tempWorkspace({
    'docs/top.md': readFileSync(join(FIXTURES, 'unknown-kind.md'), 'utf8'),
    'docs/sub/deep.md': readFileSync(join(FIXTURES, 'es-report.md'), 'utf8'),
    'sop.md': readFileSync(join(FIXTURES, 'en-sop-good.md'), 'utf8'),
  });
  const runnerTemp = join(work, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const outputFile = join(runnerTemp, 'github-output');
  const script = join(runnerTemp, 'lint.sh');
  writeFileSync(outputFile, '');
  writeFileSync(script, lint.run);
  try {
    const inputs = { paths: 'docs/**/*.md\nsop.md', 'upload-sarif': 'true', args: '--max-warnings 1000' };
    const env = isolatedEnv({ ...stepEnv(lint, inputs, action.inputs), RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: outputFile });
    // As GitHub runs a `shell: bash` step.
    const result = runIn(workspace.root, 'bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], env);
    assert.equal(result.status, 0, result.stderr);
    const sarifFile = join(runnerTemp, 'pim-lint.sarif');
    assert.deepEqual(readFileSync(outputFile, 'utf8').trim().split('\n'), [`sarif-file=${sarifFile}`, 'exit-code=1']);
    const annotated = new Set([...result.stdout.matchAll(/^::(?:error|warning|notice) file=([^,]+),/gm)].map((m) => m[1]));
    // Expanded by bash, docs/**/*.md would miss docs/top.md.
    assert.deepEqual([...annotated].sort(), ['docs/sub/deep.md', 'docs/top.md', 'sop.md']);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), ['docs/sub/deep.md', 'docs/top.md', 'sop.md']);
  } finally {
    workspace.dispose();
  }
});
