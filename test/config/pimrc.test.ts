import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigResolver } from '../../server/src/config/pimrc';
import { rules } from '../../server/src/engine/index';
import { tempWorkspace } from '../helpers/temp-workspace';

const resolverFor = (): ConfigResolver =>
  new ConfigResolver(
    {
      readFile: (path) => {
        try {
          return readFileSync(path, 'utf8');
        } catch {
          return undefined;
        }
      },
    },
    rules.map((r) => r.id),
  );

test('the nearest .pimrc.json applies, merged over what it extends', () => {
  const ws = tempWorkspace({
    '.pimrc.json': JSON.stringify({ rules: { 'empty-section': 'off' }, language: 'fr' }),
    'team/base.json': JSON.stringify({ rules: { 'required-section': 'error', 'empty-section': 'info' }, documents: ['sops/**/*.md'] }),
    'team/.pimrc.json': JSON.stringify({ extends: './base.json', rules: { 'required-section': 'warning' }, ignore: ['drafts/**'] }),
  });
  try {
    const top = resolverFor().forDocument(join(ws.root, 'notes.md'));
    assert.deepEqual(top.config.rules, { 'empty-section': 'off' });
    assert.equal(top.config.language, 'fr');
    const team = resolverFor().forDocument(join(ws.root, 'team', 'sops', 'a.md'));
    assert.deepEqual(team.problems, []);
    assert.equal(team.file, join(ws.root, 'team', '.pimrc.json'));
    assert.deepEqual(team.config.rules, { 'required-section': 'warning', 'empty-section': 'info' });
    assert.equal(team.config.isDocument(join(ws.root, 'team', 'sops', 'x', 'a.md')), true);
    assert.equal(team.config.isDocument(join(ws.root, 'team', 'other.md')), false);
    assert.equal(team.config.isIgnored(join(ws.root, 'team', 'drafts', 'b.md')), true);
  } finally {
    ws.dispose();
  }
});

test('no config: defaults, nothing marked as a PIM document', () => {
  const ws = tempWorkspace({ 'a.md': '# A' });
  try {
    const resolved = resolverFor().forDocument(join(ws.root, 'a.md'));
    assert.deepEqual(resolved.config.rules, {});
    assert.equal(resolved.config.isDocument(join(ws.root, 'a.md')), false);
  } finally {
    ws.dispose();
  }
});

test('an invalid config yields located problems and the defaults, never an exception', () => {
  const cases: Record<string, RegExp> = {
    '{ "rules": { "required-sectoin": "error" } }': /"required-sectoin" is not a rule; did you mean "required-section"\?/,
    '{ "rules": { "required-section": "loud" } }': /rules\.required-section: must be one of "off", "error", "warning", "info", "hint"; found "loud"/,
    '{ "rules": ': /not valid JSON/,
    '{ "documents": "sops" }': /documents: expected an array/,
    '{ "extends": "./missing.json" }': /"extends" names \.\/missing\.json, which cannot be read/,
    '{ "plugins": ["x.js"] }': /plugins: unexpected property/,
  };
  for (const [text, expected] of Object.entries(cases)) {
    const ws = tempWorkspace({ '.pimrc.json': text });
    try {
      const resolved = resolverFor().forDocument(join(ws.root, 'a.md'));
      assert.equal(resolved.problems.length, 1, `${text}: ${resolved.problems.map((p) => p.message).join(' | ')}`);
      assert.match(resolved.problems[0]!.message, expected);
      assert.deepEqual(resolved.config.rules, {});
    } finally {
      ws.dispose();
    }
  }
});

test('an extends cycle is reported, not followed forever', () => {
  const ws = tempWorkspace({ '.pimrc.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./.pimrc.json" }' });
  try {
    const resolved = resolverFor().forDocument(join(ws.root, 'a.md'));
    assert.match(resolved.problems.map((p) => p.message).join(' '), /cycle/);
  } finally {
    ws.dispose();
  }
});

test('the published schema lists every rule id', () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'server', 'schemas', 'pimrc.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), rules.map((r) => r.id).sort());
});
