/** "Fix all" as a unit: safe fixes whose edits overlap are not sent together, since a client must reject such an edit. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import type { DocumentReport, ServiceFinding } from '../../server/src/service/index';
import { createPimService } from '../../server/src/service/service';
import { codeActions } from '../../server/src/lsp/code-actions';
import { FIX_ALL_KIND } from '../../server/src/lsp/convert';
import { knowledge } from '../helpers/knowledge';
import { memoryHost } from '../helpers/memory-host';

const TEXT = '---\npim:\n  kind: report\n---\n# Report\n\nSome text here.\n';

function finding(start: number, end: number, newText: string): ServiceFinding {
  return { uri: 'file:///r.md', ruleId: 'empty-section', severity: 'warning', message: 'm', span: { start, end }, refs: [], related: [], fix: { title: newText, edits: [{ start, end, newText }], safe: true } };
}

test('fix all takes the first of two overlapping safe fixes and leaves the other for the next run', async () => {
  const document = TextDocument.create('file:///r.md', 'markdown', 1, TEXT);
  const service = createPimService({ knowledge, host: memoryHost({}) });
  service.openDocument(document.uri, 1, TEXT);
  const report = (await service.report(document.uri)) as DocumentReport;
  const at = TEXT.indexOf('Some');
  const findings = [finding(at, at + 9, 'first'), finding(at + 5, at + 14, 'overlapping'), finding(TEXT.length, TEXT.length, 'apart')];
  const actions = codeActions(document, { ...report, findings }, knowledge, { textDocument: { uri: document.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
  const edits = (actions[0]?.edit?.changes?.[document.uri] ?? []) as TextEdit[];
  assert.deepEqual(
    edits.map((e) => e.newText),
    ['first', 'apart'],
  );
});
