/** The same checks as the code-server suite, through the VS Code extension API (runs inside VS Code). */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'e2e', 'fixtures');

/** Resolves with the diagnostics of `uri` once they satisfy `accept`; rejects with the reason after `timeoutMs`. */
function diagnosticsOf(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<readonly vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no diagnostics of ${uri.fsPath} passed the check within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const current = vscode.languages.getDiagnostics(uri);
      if (accept(current)) {
        clearTimeout(timer);
        listener.dispose();
        resolve(current);
      }
    });
  });
}

const code = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

suite('PIM Language Tools in VS Code', () => {
  const sop = vscode.Uri.file(path.join(FIXTURES, 'referral-sop.md'));

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension('pim-language-tools.pim-language-tools');
    assert.ok(extension, 'the extension is not installed');
    await extension.activate();
  });

  test('diagnostics of a fixture PIM document, by rule id and message', async () => {
    await vscode.window.showTextDocument(sop);
    const diagnostics = await diagnosticsOf(sop, (d) => d.some((x) => code(x) === 'required-section'));
    assert.ok(diagnostics.some((d) => d.source === 'pim' && /no "Referral procedure" section/.test(d.message)));
  });

  test('hover on a glossary term shows its definition', async () => {
    const document = await vscode.workspace.openTextDocument(sop);
    const offset = document.getText().indexOf('informed consent') + 3;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', sop, document.positionAt(offset));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Informed consent\*\* · PIM term/);
  });

  test('the "insert missing section" quick fix removes its diagnostic', async () => {
    const editor = await vscode.window.showTextDocument(sop);
    const diagnostics = await diagnosticsOf(sop, (d) => d.some((x) => /no "Referral procedure"/.test(x.message)));
    const target = diagnostics.find((d) => /no "Referral procedure"/.test(d.message)) as vscode.Diagnostic;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sop, target.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => a.title === 'Insert the "Referral procedure" section');
    assert.ok(insert?.edit);
    await vscode.workspace.applyEdit(insert.edit);
    await diagnosticsOf(sop, (d) => d.length > 0 && !d.some((x) => /no "Referral procedure"/.test(x.message)));
    await vscode.commands.executeCommand('undo');
    void editor;
  });

  test('the snippets are contributed for Markdown', async () => {
    const extension = vscode.extensions.getExtension('pim-language-tools.pim-language-tools');
    const snippets = (extension?.packageJSON as { contributes: { snippets: { language: string }[] } }).contributes.snippets;
    assert.deepEqual(snippets.map((s) => s.language), ['markdown']);
  });

  test('a plain Markdown file gets no PIM diagnostics', async () => {
    const plain = vscode.Uri.file(path.join(FIXTURES, 'plain-notes.md'));
    await vscode.window.showTextDocument(plain);
    // Opened after the plain file: the server answers in order, so the marker's diagnostics mean the plain file was checked.
    const marker = vscode.Uri.file(path.join(FIXTURES, 'marker.md'));
    await vscode.window.showTextDocument(marker);
    await diagnosticsOf(marker, (d) => d.length > 0);
    assert.deepEqual(vscode.languages.getDiagnostics(plain).filter((d) => d.source === 'pim'), []);
  });
});
