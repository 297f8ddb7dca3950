import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigResolver, MAX_CONFIG_SIZE } from '../../server/src/service/config';
import { rules } from '../../server/src/engine/index';
import { nodeHost } from '../../server/src/node-host';
import { memoryHost } from '../helpers/memory-host';
import { tempWorkspace } from '../helpers/temp-workspace';

const RULE_IDS = rules.map((r) => r.id);
const uri = (path: string): string => pathToFileURL(path).href;

/** A resolver on the disk whose workspace is `root`. */
const resolverFor = (root: string): ConfigResolver => new ConfigResolver({ host: nodeHost(), ruleIds: RULE_IDS, folders: () => [uri(root)] });

async function withWorkspace(files: Record<string, string>, run: (root: string) => Promise<void>): Promise<void> {
  const ws = tempWorkspace(files);
  try {
    await run(ws.root);
  } finally {
    ws.dispose();
  }
}

const messages = (config: { problems: readonly { message: string }[] }): string => config.problems.map((p) => p.message).join(' | ');

test('the nearest .pimrc.json applies, merged over what it extends', () =>
  withWorkspace(
    {
      '.pimrc.json': JSON.stringify({ rules: { 'empty-section': 'off' }, language: 'fr' }),
      'team/base.json': JSON.stringify({ rules: { 'required-section': 'error', 'empty-section': 'info' }, documents: ['sops/**/*.md'] }),
      'team/.pimrc.json': JSON.stringify({ extends: './base.json', rules: { 'required-section': 'warning' }, ignore: ['drafts/**'] }),
    },
    async (root) => {
      const top = await resolverFor(root).forDocument(uri(join(root, 'notes.md')));
      assert.deepEqual(top.rules, { 'empty-section': 'off' });
      assert.equal(top.language, 'fr');
      const resolver = resolverFor(root);
      const team = await resolver.forDocument(uri(join(root, 'team', 'sops', 'x', 'a.md')));
      assert.deepEqual(team.problems, []);
      assert.equal(team.configUri, uri(join(root, 'team', '.pimrc.json')));
      assert.deepEqual(team.rules, { 'required-section': 'warning', 'empty-section': 'info' });
      assert.equal(team.isDocument, true);
      assert.equal((await resolver.forDocument(uri(join(root, 'team', 'other.md')))).isDocument, false);
      assert.equal((await resolver.forDocument(uri(join(root, 'team', 'drafts', 'b.md')))).isIgnored, true);
    },
  ));

test('no config: defaults, nothing marked as a PIM document', () =>
  withWorkspace({ 'a.md': '# A' }, async (root) => {
    const resolved = await resolverFor(root).forDocument(uri(join(root, 'a.md')));
    assert.deepEqual(resolved.rules, {});
    assert.equal(resolved.isDocument, false);
  }));

test('an invalid config yields located problems and the defaults, never an exception', async () => {
  const cases: Record<string, RegExp> = {
    '{ "rules": { "required-sectoin": "error" } }': /"required-sectoin" is not a rule; did you mean "required-section"\?/,
    '{ "rules": { "required-section": "loud" } }': /rules\.required-section: must be one of "off", "error", "warning", "info", "hint"; found "loud"/,
    '{ "rules": ': /not valid JSON/,
    '{ "documents": "sops" }': /documents: expected an array/,
    '{ "extends": "./missing.json" }': /"extends" names \.\/missing\.json, which does not exist/,
    '{ "plugins": ["x.js"] }': /plugins: unexpected property/,
  };
  for (const [text, expected] of Object.entries(cases)) {
    await withWorkspace({ '.pimrc.json': text }, async (root) => {
      const resolved = await resolverFor(root).forDocument(uri(join(root, 'a.md')));
      assert.equal(resolved.problems.length, 1, `${text}: ${messages(resolved)}`);
      assert.match(resolved.problems[0]!.message, expected);
      assert.deepEqual(resolved.rules, {});
    });
  }
});

test('__proto__, constructor and prototype keys are problems, and change no object', async () => {
  const cases = [
    '{ "__proto__": { "rules": { "required-section": "off" } } }',
    '{ "rules": { "__proto__": "off" } }',
    '{ "rules": { "constructor": "off" } }',
    '{ "rules": { "required-section": { "__proto__": { "severity": "fatal" } } } }',
    '{ "projects": [{ "name": "x", "files": ["*.md"], "__proto__": { "purpose": 1 } }] }',
  ];
  for (const text of cases) {
    await withWorkspace({ '.pimrc.json': text }, async (root) => {
      const resolved = await resolverFor(root).forDocument(uri(join(root, 'a.md')));
      assert.ok(resolved.problems.length >= 1, `${text} passed validation`);
      assert.doesNotMatch(messages(resolved), /\bat \w+ \(|Error:/, 'no stack trace or raw error');
      assert.deepEqual(Object.keys(resolved.rules), []);
      assert.equal(Object.getPrototypeOf(resolved.rules), Object.prototype);
      assert.equal(({} as Record<string, unknown>)['severity'], undefined);
    });
  }
});

test('extends may not leave the workspace, by an absolute path, by .. or by another scheme', () =>
  withWorkspace({ 'ws/.pimrc.json': '{ "extends": ["/etc/passwd", "../../../../../etc/passwd", "file:///etc/passwd", "..\\\\secret.json", "../outside.json"] }', 'outside.json': '{}' }, async (root) => {
    const resolved = await resolverFor(join(root, 'ws')).forDocument(uri(join(root, 'ws', 'a.md')));
    assert.equal(resolved.problems.length, 5, messages(resolved));
    for (const problem of resolved.problems) assert.match(problem.message, /relative to this one|outside the workspace/);
    assert.doesNotMatch(messages(resolved), /root:/, 'nothing of the file is echoed');
  }));

test('extends reads only regular files of bounded size, and follows no symbolic link', () =>
  withWorkspace({ 'big.json': `{"x": "${'a'.repeat(MAX_CONFIG_SIZE)}"}`, 'real.json': '{}' }, async (root) => {
    execFileSync('mkfifo', [join(root, 'pipe.json')]);
    mkdirSync(join(root, 'folder.json'));
    symlinkSync(join(root, 'real.json'), join(root, 'link.json'));
    writeFileSync(join(root, '.pimrc.json'), JSON.stringify({ extends: ['./pipe.json', './folder.json', './big.json', './link.json'] }));
    const resolved = await resolverFor(root).forDocument(uri(join(root, 'a.md')));
    const found = resolved.problems.map((p) => p.message);
    assert.equal(found.length, 4, found.join(' | '));
    assert.match(found[0]!, /pipe\.json is not a regular file/);
    assert.match(found[1]!, /folder\.json is not a regular file/);
    assert.match(found[2]!, /big\.json is \d+ KB, more than a configuration may be/);
    assert.match(found[3]!, /symbolic link, which is not followed/);
  }));

test('a problem in an extended file is reported on that file, and quotes none of its text', () =>
  withWorkspace({ '.pimrc.json': '{ "extends": "./team/base.json" }', 'team/base.json': 'SECRET-MARKER-4411 { "rules": {} }' }, async (root) => {
    const resolved = await resolverFor(root).forDocument(uri(join(root, 'a.md')));
    assert.equal(resolved.problems.length, 1);
    assert.equal(resolved.problems[0]!.uri, uri(join(root, 'team', 'base.json')));
    assert.match(resolved.problems[0]!.message, /not valid JSON/);
    assert.doesNotMatch(resolved.problems[0]!.message, /SECRET-MARKER/);
  }));

test('a .pimrc.json that cannot be read is a problem on it, not silently ignored', async () => {
  const folder = 'file:///ws';
  const host = memoryHost({ 'file:///ws/.pimrc.json': '{}' });
  const unreadable = { ...host, readFile: async () => undefined };
  const resolved = await new ConfigResolver({ host: unreadable, ruleIds: RULE_IDS, folders: () => [folder] }).forDocument('file:///ws/a.md');
  assert.equal(resolved.problems.length, 1);
  assert.equal(resolved.problems[0]!.uri, 'file:///ws/.pimrc.json');
  assert.match(resolved.problems[0]!.message, /\.pimrc\.json cannot be read; check its permissions/);
  await withWorkspace({}, async (root) => {
    mkdirSync(join(root, '.pimrc.json'));
    const onDisk = await resolverFor(root).forDocument(uri(join(root, 'a.md')));
    assert.match(messages(onDisk), /\.pimrc\.json is not a regular file/);
  });
});

test('an extends cycle is reported, not followed forever', () =>
  withWorkspace({ '.pimrc.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./.pimrc.json" }' }, async (root) => {
    const resolved = await resolverFor(root).forDocument(uri(join(root, 'a.md')));
    assert.match(messages(resolved), /cycle/);
  }));

test('a change to a file a configuration extends is a change of configuration; other files are not', async () => {
  const host = memoryHost({ 'file:///ws/.pimrc.json': '{ "extends": "./base/team.json" }', 'file:///ws/base/team.json': '{ "rules": { "empty-section": "off" } }' });
  const resolver = new ConfigResolver({ host, ruleIds: RULE_IDS, folders: () => ['file:///ws'] });
  assert.deepEqual((await resolver.forDocument('file:///ws/a.md')).rules, { 'empty-section': 'off' });
  assert.equal(resolver.isSource('file:///ws/base/team.json'), true);
  assert.equal(resolver.isSource('file:///ws/sub/.pimrc.json'), true);
  assert.equal(resolver.isSource('file:///ws/a.md'), false);
  host.files.set('file:///ws/base/team.json', '{ "rules": { "empty-section": "error" } }');
  resolver.invalidate();
  assert.deepEqual((await resolver.forDocument('file:///ws/a.md')).rules, { 'empty-section': 'error' });
});

test('the published schema lists every rule id', () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'server', 'schemas', 'pimrc.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), rules.map((r) => r.id).sort());
});
