/** The bundled language server, driven over stdio by a real JSON-RPC client. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyEdits, startTestClient, type TestClient } from '../helpers/lsp-client';
import { tempWorkspace } from '../helpers/temp-workspace';

const SOP = `---
pim:
  kind: referral-sop
---
# Referral SOP

## Purpose

This SOP aims to get survivors of violence to the services they need, with their informed consent.

## Service mapping

The service directory lists the focal points of each service provider.

## Informed consent

Consent is sought before any referral and recorded on the referral form.
`;

const FR = `---
pim:
  kind: report
  lang: fr
---
# Rapport mensuel

Le principe Ne pas nuire guide la collecte. Le consentement éclairé est recueilli avant chaque entretien.
`;

const ws = tempWorkspace({ 'docs/sop.md': SOP, 'docs/rapport.md': FR, 'docs/notes.md': '# Notes\n\nTODO WhatsApp +44 20 7946 0958\n', 'other/untouched.md': '---\npim:\n  kind: dpia\n---\n# DPIA\n' });
const uri = (path: string): string => pathToFileURL(join(ws.root, path)).href;
const SOP_URI = uri('docs/sop.md');
const ruleIds = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));

let client: TestClient;
before(async () => {
  client = await startTestClient(pathToFileURL(ws.root).href);
});
after(async () => {
  await client.stop();
  ws.dispose();
});

describe('pim-language-server over stdio', () => {
  test('initialize announces incremental sync and every feature', () => {
    assert.deepEqual(client.initializeResult.capabilities, {
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['#', ':', ' '], resolveProvider: false },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.pim'] },
      codeLensProvider: { resolveProvider: false },
      documentSymbolProvider: true,
      executeCommandProvider: { commands: ['pim.openRuleDocumentation'] },
    });
    assert.equal(client.initializeResult.serverInfo?.name, 'pim-language-server');
  });

  test('diagnostics on open: rule id, documentation link, source and related information', async () => {
    client.open(SOP_URI, SOP);
    const diagnostics = await client.diagnostics(SOP_URI);
    const missing = diagnostics.filter((d) => d.code === 'required-section');
    assert.deepEqual(
      missing.map((d) => d.message.match(/"(.+?)"/)?.[1]),
      ['Referral procedure', 'Follow-up and feedback'],
    );
    const first = missing[0]!;
    assert.equal(first.source, 'pim');
    const page = first.codeDescription?.href ?? '';
    assert.match(page, /^file:.*\/docs\/rules\/required-section\.md$/);
    assert.ok(existsSync(fileURLToPath(page)), `${page} is not shipped next to the server`);
    assert.ok(first.relatedInformation?.[0]?.location.uri === SOP_URI);
    assert.deepEqual(first.range.start, { line: 4, character: 0 });
  });

  test('each diagnostic ends its related information with the PIM source of its rule, at the rule\'s page', async () => {
    const diagnostics = await client.diagnostics(SOP_URI);
    for (const diagnostic of diagnostics) {
      const source = diagnostic.relatedInformation?.at(-1);
      assert.equal(source?.location.uri, diagnostic.codeDescription?.href, String(diagnostic.code));
      assert.match(source?.message ?? '', / Source: .+ \((stated in the source|partly stated in the source, partly our synthesis|our synthesis)\)\.$/, String(diagnostic.code));
    }
    const referral = diagnostics.find((d) => d.code === 'required-section')!;
    assert.match(referral.relatedInformation!.at(-1)!.message, /^Each kind of PIM document needs the sections .* Source: PIM Working Meeting 2016, Annex 2; the PIM Language Tools team \(partly stated/);
  });

  test('an incremental edit that adds a section makes its diagnostic disappear', async () => {
    const end = { line: 17, character: 0 };
    client.change(SOP_URI, 2, [{ range: { start: end, end }, text: '\n## Referral procedure\n\nThe caseworker fills in the referral form, calls the focal point and agrees a date with the person.\n' }]);
    const diagnostics = await client.diagnostics(SOP_URI, (_, version) => version === 2);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'required-section').map((d) => d.message.match(/"(.+?)"/)?.[1]),
      ['Follow-up and feedback'],
    );
  });

  test('untitled, unsaved documents that declare pim: are checked too', async () => {
    const untitled = 'untitled:Untitled-1';
    client.open(untitled, '---\npim:\n  kind: referral-sop\n---\n# Draft\n');
    const diagnostics = await client.diagnostics(untitled);
    assert.ok(diagnostics.some((d) => d.code === 'required-section'), ruleIds(diagnostics).join(', '));
    client.close(untitled);
  });

  test('a document nobody marked as PIM gets no diagnostics, hovers or lenses', async () => {
    const notes = uri('docs/notes.md');
    client.open(notes, '# Notes\n\nTODO WhatsApp +44 20 7946 0958 informed consent\n');
    assert.deepEqual(await client.diagnostics(notes), []);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: notes }, position: { line: 2, character: 40 } }), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: notes } }), []);
  });

  test('hover on a glossary term shows its definition, source, other languages and see also', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: SOP_URI }, position: { line: 8, character: 85 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /^\*\*Informed consent\*\* · PIM term/);
    assert.match(value, /Sources?: \[.+\]\(https:/);
    assert.match(value, /français: \*Consentement éclairé\*/);
    assert.match(value, /See also: /);
    assert.deepEqual(hover.range, { start: { line: 8, character: 81 }, end: { line: 8, character: 97 } });
  });

  test('hover answers in French in a French document', async () => {
    const fr = uri('docs/rapport.md');
    client.open(fr, FR);
    await client.diagnostics(fr);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fr }, position: { line: 7, character: 14 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /^\*\*Ne pas nuire\*\* · Principe PIM/);
    assert.match(value, /Un document l'aborde lorsqu'il précise/);
    assert.match(value, /English\u00a0: \*Do no harm\*/);
  });

  test('hover on pim.kind explains what the kind requires, and on a sub-step heading lists its activities', async () => {
    const kind = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: SOP_URI }, position: { line: 2, character: 10 } })) as Hover;
    assert.match((kind.contents as MarkupContent).value, /Referral SOP.*· PIM document kind[\s\S]*Required sections:[\s\S]*✗ Follow-up and feedback \(missing\)/);
    const heading = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: SOP_URI }, position: { line: 6, character: 4 } })) as Hover;
    assert.match((heading.contents as MarkupContent).value, /Define Purpose and Information Needs[\s\S]*Activities, and whether this section covers them:/);
  });

  test('completion: front matter values, missing sections and PIM terms', async () => {
    const complete = async (line: number, character: number, text?: string): Promise<CompletionItem[]> => {
      if (text !== undefined) client.change(SOP_URI, 10 + line + character, [{ range: { start: { line, character: 0 }, end: { line, character: 200 } }, text }]);
      const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: SOP_URI }, position: { line, character } })) as CompletionItem[] | CompletionList;
      return Array.isArray(result) ? result : result.items;
    };
    const kinds = await complete(2, 8);
    assert.ok(kinds.some((i) => i.label === 'data-sharing-agreement'));
    const sections = await complete(21, 3, "## ");
    sections.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(
      sections.map((i) => i.label),
      // The referral form is spoken of in two sections, so its optional section counts as found.
      ['Follow-up and feedback', 'Referral criteria and urgent cases', 'Roles and training', 'Review and update'],
    );
    assert.match((sections[0]!.textEdit as { newText: string }).newText, /^## Follow-up and feedback\n\n/);
    const terms = await complete(21, 5, "We do");
    assert.ok(terms.some((i) => i.label === 'Do no harm'), terms.map((i) => i.label).join(', '));
    client.change(SOP_URI, 99, [{ range: { start: { line: 21, character: 0 }, end: { line: 21, character: 200 } }, text: "" }]);
  });

  test('code lens summarises coverage on the first heading', async () => {
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: SOP_URI } })) as CodeLens[];
    assert.equal(lenses.length, 1);
    assert.match(lenses[0]!.command?.title ?? '', /^PIM: Principles \d\/5 · Process \d\/2 · 1 required section missing$/);
    assert.equal(lenses[0]!.command?.command, 'pim.showCoverage');
    assert.deepEqual(lenses[0]!.range.start, { line: 4, character: 0 });
  });

  test('document symbols tag sections with what they cover', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: SOP_URI } })) as DocumentSymbol[];
    const consent = symbols[0]!.children!.find((s) => s.name === 'Informed consent');
    assert.match(consent?.detail ?? '', /^covers .*Informed consent and confidentiality/);
  });

  test('malformed requests get an error response and the server keeps answering', async () => {
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: null, position: 'nowhere' }));
    await assert.rejects(client.connection.sendRequest('textDocument/definitelyNotAMethod', {}));
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: SOP_URI } })) as CodeLens[];
    assert.equal(lenses.length, 1);
  });
});

describe('code actions, applied and re-linted', () => {
  const DOC = uri('docs/actions.md');
  const TEXT = '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Purpose\n\nWhy we refer people to services.\n\nCall +44 20 7946 0958 for help.\n';
  let version = 1;
  let text = TEXT;

  const actionsFor = async (code: string): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> => {
    const diagnostics = await client.diagnostics(DOC, (_, v) => v === version);
    const diagnostic = diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, `no ${code} diagnostic in ${ruleIds(diagnostics).join(', ')}`);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: DOC },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    return { diagnostic, actions };
  };
  const apply = async (action: CodeAction | undefined): Promise<readonly Diagnostic[]> => {
    assert.ok(action?.edit?.changes?.[DOC], 'the action has no edit');
    text = applyEdits(text, action.edit.changes[DOC]!);
    version++;
    client.change(DOC, version, [{ text }]);
    return client.diagnostics(DOC, (_, v) => v === version);
  };

  before(() => client.open(DOC, TEXT, version));

  test('insert the missing section at its place in the kind order', async () => {
    const { actions } = await actionsFor('required-section');
    const insert = actions.find((a) => /^Insert the "Service mapping and focal points" section$/.test(a.title));
    const after = await apply(insert);
    assert.ok(!after.some((d) => d.code === 'required-section' && d.message.includes('Service mapping')));
    assert.ok(text.indexOf('## Service mapping and focal points') > text.indexOf('## Purpose'));
  });

  test('add a placeholder paragraph for an unaddressed principle', async () => {
    const { actions } = await actionsFor('principle-unaddressed');
    const add = actions.find((a) => a.title.startsWith('Add a paragraph on'));
    const principle = add?.title.match(/"(.+)"/)?.[1] ?? '';
    await apply(add);
    assert.match(text, new RegExp(`\\[How this document applies the PIM Principle "${principle}": `));
  });

  test('disable the rule for this line, and for the file', async () => {
    const { actions } = await actionsFor('personal-data-in-document');
    const after = await apply(actions.find((a) => a.title === 'Disable personal-data-in-document for this line'));
    assert.ok(!after.some((d) => d.code === 'personal-data-in-document'));
    assert.match(text, /<!-- pim-disable-next-line personal-data-in-document -->\nCall/);
    const { actions: more } = await actionsFor('required-section');
    const cleared = await apply(more.find((a) => a.title === 'Disable required-section for this file'));
    assert.ok(!cleared.some((d) => d.code === 'required-section'));
    assert.match(text, /^---\npim:\n {2}kind: referral-sop\n---\n<!-- pim-disable-file required-section -->\n/);
  });

  test('open the rule documentation', async () => {
    const { actions } = await actionsFor('principle-unaddressed');
    const open = actions.find((a) => a.title === 'Open the documentation of principle-unaddressed');
    assert.equal(open?.command?.command, 'pim.openRuleDocumentation');
    await client.connection.sendRequest('workspace/executeCommand', { command: open.command.command, arguments: open.command.arguments });
    assert.match(client.shownDocuments.at(-1) ?? '', /^file:.*\/docs\/rules\/principle-unaddressed\.md$/);
  });

  test('source.fixAll.pim applies every safe fix at once', async () => {
    const fresh = uri('docs/fix-all.md');
    client.open(fresh, TEXT);
    await client.diagnostics(fresh);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: fresh },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.pim'] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.pim'],
    );
    const fixed = applyEdits(TEXT, actions[0]!.edit!.changes![fresh]!);
    client.change(fresh, 2, [{ text: fixed }]);
    const after = await client.diagnostics(fresh, (_, v) => v === 2);
    assert.ok(!after.some((d) => d.code === 'required-section'), ruleIds(after).join(', '));
  });
});

describe('configuration changes re-lint open documents', () => {
  test('a new .pimrc.json that turns a rule off', async () => {
    const before = await client.diagnostics(SOP_URI);
    assert.ok(before.some((d) => d.code === 'required-section'));
    writeFileSync(join(ws.root, '.pimrc.json'), JSON.stringify({ rules: { 'required-section': 'off' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.pimrc.json'), type: 1 }] });
    const after = await client.diagnostics(SOP_URI, (d) => !d.some((x) => x.code === 'required-section'));
    assert.ok(after.length > 0);
  });

  test('an invalid .pimrc.json is reported on that file', async () => {
    writeFileSync(join(ws.root, '.pimrc.json'), '{ "rules": { "required-sectoin": "off" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.pimrc.json'), type: 2 }] });
    const problems = await client.diagnostics(uri('.pimrc.json'), (d) => d.length > 0);
    assert.equal(problems[0]?.code, 'config-invalid');
    assert.match(problems[0]?.message ?? '', /did you mean "required-section"/);
    writeFileSync(join(ws.root, '.pimrc.json'), '{}');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.pimrc.json'), type: 2 }] });
    assert.deepEqual(await client.diagnostics(uri('.pimrc.json'), (d) => d.length === 0), []);
  });

  test('a problem in a file that .pimrc.json extends is published on that file, and fixing it re-lints', async () => {
    writeFileSync(join(ws.root, 'team.json'), '{ "rules": { "required-section": "loud" } }');
    writeFileSync(join(ws.root, '.pimrc.json'), '{ "extends": "./team.json" }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.pimrc.json'), type: 2 }] });
    const problems = await client.diagnostics(uri('team.json'), (d) => d.length > 0);
    assert.match(problems[0]?.message ?? '', /rules\.required-section: must be one of/);
    // The extending file itself is fine: nothing is published on it.
    assert.deepEqual(await client.diagnostics(uri('.pimrc.json'), (d) => d.length === 0), []);
    writeFileSync(join(ws.root, 'team.json'), '{ "rules": { "required-section": "off" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('team.json'), type: 2 }] });
    assert.deepEqual(await client.diagnostics(uri('team.json'), (d) => d.length === 0), []);
    const after = await client.diagnostics(SOP_URI, (d) => d.length > 0 && !d.some((x) => x.code === 'required-section'));
    assert.ok(!after.some((d) => d.code === 'required-section'));
    writeFileSync(join(ws.root, '.pimrc.json'), '{}');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.pimrc.json'), type: 2 }] });
    await client.diagnostics(SOP_URI, (d) => d.some((x) => x.code === 'required-section'));
  });

  test('settings: an invalid pim.rules value is ignored with one warning, and the valid ones apply', async () => {
    client.settings = { enable: true, debounceMs: 20, rules: { 'required-section': 'bogus', 'principle-unaddressed': 'error', 'no-such-rule': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const diagnostics = await client.diagnostics(SOP_URI, (d) => d.some((x) => x.code === 'principle-unaddressed' && x.severity === 1));
    assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.severity !== undefined && d.severity >= 1 && d.severity <= 4), 'every diagnostic has a severity');
    assert.ok(diagnostics.some((d) => d.code === 'required-section' && d.severity === 2), 'the bogus severity falls back to the default');
    const warnings = client.logs.filter((l) => l.includes('pim.rules'));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0] ?? '', /pim\.rules\["required-section"\] is "bogus", which is not a severity; use one of: off, error, warning, info, hint\. It is ignored\./);
    assert.match(warnings[0] ?? '', /names "no-such-rule", which is not a rule/);
    assert.equal(client.shownMessages.filter((m) => m.includes('pim.rules')).length, 1);
  });

  test('settings: a severity override and disabling the extension', async () => {
    client.settings = { enable: true, debounceMs: 20, rules: { 'principle-unaddressed': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const errors = await client.diagnostics(SOP_URI, (d) => d.some((x) => x.code === 'principle-unaddressed' && x.severity === 1));
    assert.ok(errors.length > 0);
    client.settings = { enable: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual(await client.diagnostics(SOP_URI, (d) => d.length === 0), []);
    client.settings = { enable: true, debounceMs: 20 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.diagnostics(SOP_URI, (d) => d.length > 0);
  });

  test('lint workspace publishes diagnostics for PIM documents that are not open', async () => {
    const untouched = uri('other/untouched.md');
    const response = (await client.connection.sendRequest('pim/lintWorkspace', {})) as { files: number; problems: number };
    assert.ok(response.files >= 1 && response.problems > 0, JSON.stringify(response));
    const diagnostics = await client.diagnostics(untouched);
    assert.ok(diagnostics.some((d) => d.code === 'required-section'));
  });

  test('closing a document clears its diagnostics', async () => {
    client.close(SOP_URI);
    assert.deepEqual(await client.diagnostics(SOP_URI, (d) => d.length === 0), []);
  });
});
