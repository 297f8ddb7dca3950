/** "PIM: Lint workspace": checks every PIM document under the workspace folders, open or not, and publishes the results. */
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Knowledge } from '../engine/index';
import type { ConfigResolver } from '../config/pimrc';
import { expandArguments } from '../cli/files';
import { checkFile } from '../cli/lint-files';
import { toDiagnostic } from './convert';
import type { LintWorkspaceResponse } from './protocol';

export async function lintWorkspace(
  connection: Connection,
  folders: readonly string[],
  knowledge: Knowledge,
  configs: ConfigResolver,
  isOpen: (uri: string) => boolean,
  docUrl: (ruleId: string) => string,
): Promise<LintWorkspaceResponse> {
  let files = 0;
  let problems = 0;
  for (const target of expandArguments(folders, '/').targets) {
    const uri = pathToFileURL(target.path).href;
    // Open documents are linted live, with their unsaved text.
    if (isOpen(uri)) continue;
    const { result } = checkFile(target, configs, knowledge);
    if (!result) continue;
    files++;
    problems += result.findings.length;
    const document = TextDocument.create(uri, 'markdown', 0, result.analysis.text);
    await connection.sendDiagnostics({ uri, diagnostics: result.findings.map((f, i) => toDiagnostic(document, f, i, docUrl, result.analysis)) });
  }
  return { files, problems };
}
