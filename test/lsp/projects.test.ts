/** Projects in the editor: an edit in one document re-publishes the others of its project, open or not. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { CoverageTreeNode } from '../../server/src/lsp/protocol';
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

  test('the coverage tree lists the project, its documents, then steps and principles, each with a place to go', async () => {
    const tree = (await client.connection.sendRequest('pim/coverageTree', {})) as CoverageTreeNode[];
    const [project, ...rest] = tree;
    assert.equal(rest.length, 0, 'both documents belong to the project');
    assert.equal(project?.kind, 'project');
    assert.equal(project?.label, 'east');
    const documents = project?.children.filter((c) => c.kind === 'document') ?? [];
    assert.deepEqual(documents.map((d) => d.label), ['method.md', 'protocol.md']);
    const steps = project?.children.filter((c) => c.kind === 'step') ?? [];
    assert.equal(steps.length, 4);
    assert.ok(steps.every((s) => s.children.length > 0 && s.children.every((c) => c.kind === 'substep' && c.status !== undefined)));
    const principles = project?.children.filter((c) => c.kind === 'principle') ?? [];
    assert.equal(principles.length, 8);
    assert.ok([...principles, ...steps].every((n) => n.location && [uri('method.md'), uri('protocol.md')].includes(n.location.uri)));
    // The project has, for each principle, the best status any of its documents has.
    const rank = { missing: 0, weak: 1, addressed: 2 } as const;
    for (const principle of principles) {
      const best = Math.max(...documents.map((d) => rank[d.children.find((c) => c.label === principle.label)?.status ?? 'missing']));
      assert.equal(rank[principle.status ?? 'missing'], best, principle.label);
    }
    assert.ok(principles.some((p) => p.status !== 'missing'));
  });

  test('the report request answers the HTML page with a strict content policy and links the editor can follow', async () => {
    const { html } = (await client.connection.sendRequest('pim/report', {})) as { html: string };
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.match(html, /Project east/);
    assert.ok(html.includes(`data-uri="${uri('method.md')}"`));
  });
});
