/** Projects in the editor: an edit in one document re-publishes the others of its project, open or not. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startTestClient, type TestClient } from '../helpers/lsp-client';
import { tempWorkspace } from '../helpers/temp-workspace';

const METHOD = `---
pim:
  kind: assessment-methodology
  project: east
---
# Protection needs assessment, eastern districts

## Purpose and information needs

The assessment aims to understand the protection risks of displaced families so that partners can plan a response.

## Methodology

Enumerators interview households with a structured questionnaire; informed consent is sought before every interview.

## Data management

Answers are kept on the organisation's encrypted server.
`;

const PROTOCOL = `---
pim:
  kind: information-sharing-protocol
  project: east
---
# Information sharing protocol, eastern districts

## Sharing modalities

Aggregated findings by district are shared with the protection cluster each month.
`;

const RETENTION = '\n## Retention\n\nHousehold answers are deleted 12 months after the end of the assessment.\n';

const ws = tempWorkspace({ 'method.md': METHOD, 'protocol.md': PROTOCOL });
const uri = (path: string): string => pathToFileURL(join(ws.root, path)).href;
const retentionOf = (diagnostics: readonly Diagnostic[]): Diagnostic | undefined => diagnostics.find((d) => d.code === 'retention-missing');

let client: TestClient;
before(async () => {
  client = await startTestClient(pathToFileURL(ws.root).href);
});
after(async () => {
  await client.stop();
  ws.dispose();
});

describe('projects in the language server', () => {
  test('editing one document updates the diagnostics of another document of its project that is not open', async () => {
    client.open(uri('method.md'), METHOD);
    const before = retentionOf(await client.diagnostics(uri('method.md'), (d) => retentionOf(d) !== undefined));
    assert.equal(before?.severity, 2, 'a warning while no document of the project states a retention period');

    // The protocol is opened, given a retention section, and closed unsaved: only the file on disk counts then.
    client.open(uri('protocol.md'), PROTOCOL);
    const lines = PROTOCOL.split('\n').length - 1;
    client.change(uri('protocol.md'), 2, [{ range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, text: RETENTION }]);
    const hinted = retentionOf(await client.diagnostics(uri('method.md'), (d) => retentionOf(d)?.severity === 4));
    assert.equal(hinted?.severity, 4, 'a hint once another document of the project states one');
    const pointer = hinted?.relatedInformation?.find((r) => r.location.uri === uri('protocol.md'));
    assert.match(pointer?.message ?? '', /^Addressed in protocol\.md, another document of the project "east"\.$/);
    assert.equal(pointer?.location.range.start.line, lines + 3);
  });

  test('a closed document of the project is re-published from its file when an open one changes', async () => {
    client.close(uri('method.md'));
    await client.diagnostics(uri('method.md'), (d) => d.length === 0);
    const end = { line: (PROTOCOL + RETENTION).split('\n').length - 1, character: 0 };
    // The protocol is still open with its retention section: the closed methodology's file has none.
    client.change(uri('protocol.md'), 3, [{ range: { start: end, end }, text: '\nMore text.\n' }]);
    const published = await client.diagnostics(uri('method.md'), (d) => retentionOf(d) !== undefined);
    assert.equal(retentionOf(published)?.severity, 4);
  });
});
