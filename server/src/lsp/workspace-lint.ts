/**
 * "PIM: Lint workspace": every PIM document under the workspace folders, open or not, checked
 * by the service and published, with work-done progress; the client can cancel it.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { PimService } from '../service/index';
import type { DiagnosticsPublisher } from './diagnostics';
import type { LintWorkspaceResponse } from './protocol';

export async function lintWorkspace(connection: Connection, service: PimService, publisher: DiagnosticsPublisher, token: CancellationToken): Promise<LintWorkspaceResponse> {
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('PIM: linting the workspace', 0, undefined, true);
  const cancelled = { get isCancellationRequested() { return token.isCancellationRequested || progress?.token.isCancellationRequested === true; } };
  try {
    const uris = await service.workspaceDocuments();
    const run = await service.lintDocuments(uris, {
      token: cancelled,
      progress: (done, total) => progress?.report(total === 0 ? 100 : Math.round((done / total) * 100), `${done}/${total}`),
    });
    let problems = 0;
    for (const report of run.reports) {
      problems += report.findings.length;
      // Open documents are linted live, with their unsaved text.
      if (report.version === -1) await publisher.publishClosed(report);
    }
    return { files: run.reports.length, problems, cancelled: run.cancelled };
  } finally {
    progress?.done();
  }
}
