/** The language service on an in-memory host: no disk, no LSP. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/index';
import { createPimService } from '../../server/src/service/service';
import { knowledge } from '../helpers/knowledge';
import { memoryHost } from '../helpers/memory-host';

const METHOD = `---
pim:
  kind: assessment-methodology
  project: north-2026
---
# Protection needs assessment, northern districts

## Purpose and information needs

The assessment aims to understand the protection risks faced by displaced families so that partners can plan a response.

## Methodology

Enumerators interview households with a structured questionnaire. Informed consent is sought before every interview and recorded on the form.
`;

const SHARING = `---
pim:
  kind: information-sharing-protocol
  project: north-2026
---
# Information sharing protocol, northern districts

## Data shared

Aggregated findings by district are shared with the protection cluster and the donors each month. Household-level data is never shared outside the assessment team.

## Outputs and dissemination

Monthly dashboards and a final report are disseminated to partners, and the partners review every six months how the outputs were used and whether they caused harm.
`;

const LONE = `---
pim:
  kind: referral-sop
---
# Referral SOP

## Purpose

Why we refer people.
`;

const W = 'mem:///w';
const uri = (name: string): string => `${W}/${name}`;

function setup(files: Record<string, string>) {
  const host = memoryHost(Object.fromEntries(Object.entries(files).map(([name, text]) => [uri(name), text])));
  const service = createPimService({ knowledge, host });
  service.setWorkspaceFolders([W]);
  return { host, service };
}

test("a document of no project gets exactly the engine's findings, with its URI on every location", async () => {
  const { service } = setup({ 'sop.md': LONE });
  const report = await service.report(uri('sop.md'));
  assert.ok(report);
  const engine = analyze(LONE, knowledge).findings;
  assert.deepEqual(
    report.findings.map((f) => [f.ruleId, f.severity, f.message, f.span]),
    engine.map((f) => [f.ruleId, f.severity, f.message, f.span]),
  );
  assert.ok(report.findings.every((f) => f.uri === uri('sop.md') && f.related.every((r) => r.uri === uri('sop.md'))));
  assert.deepEqual(report.projects, []);
});

test('a gap that another document of the project fills drops to a hint that points at that document', async () => {
  const alone = setup({ 'method.md': METHOD.replace('  project: north-2026\n', '') });
  const before = await alone.service.report(uri('method.md'));
  const outputs = before?.findings.find((f) => f.ruleId === 'required-section' && f.message.includes('Outputs and dissemination'));
  assert.equal(outputs?.severity, 'warning');

  const { service } = setup({ 'method.md': METHOD, 'sharing.md': SHARING });
  const report = await service.report(uri('method.md'));
  assert.deepEqual(report?.projects, ['north-2026']);
  const demoted = report?.findings.find((f) => f.ruleId === 'required-section' && f.message.includes('Outputs and dissemination'));
  assert.equal(demoted?.severity, 'hint');
  const pointer = demoted?.related.at(-1);
  assert.equal(pointer?.uri, uri('sharing.md'));
  assert.match(pointer?.message ?? '', /^Addressed in sharing\.md, another document of the project "north-2026"\.$/);
  // Gaps that no document of the project fills stay as they were.
  const stillMissing = report?.findings.filter((f) => f.severity === 'warning' && f.ruleId === 'required-section').map((f) => f.message) ?? [];
  assert.ok(stillMissing.some((m) => m.includes('Analysis plan')), stillMissing.join('\n'));
});

test('project coverage counts an item that any of its documents addresses', async () => {
  const { service } = setup({ 'method.md': METHOD, 'sharing.md': SHARING, 'sop.md': LONE });
  const run = await service.lintDocuments(await service.discover([W]));
  assert.equal(run.reports.length, 3);
  const [project, ...others] = run.projects;
  assert.equal(others.length, 0);
  assert.equal(project?.name, 'north-2026');
  assert.deepEqual(project?.documents, [uri('method.md'), uri('sharing.md')]);
  const dissemination = project?.substeps['disseminate-and-share'];
  assert.equal(dissemination?.status, 'addressed');
  assert.deepEqual(dissemination?.addressedIn, [uri('sharing.md')]);
  assert.equal(dissemination?.evidence[0]?.uri, uri('sharing.md'));
});

test('a recipient that no agreement of the project names is reported where the data goes', async () => {
  const sop = `---\npim:\n  kind: protection-monitoring-sop\n  project: north-2026\n---\n# Protection monitoring SOP\n\n## Reporting\n\nMonthly trends are shared with the cash partners.\n`;
  const { service } = setup({ 'method.md': METHOD, 'sharing.md': SHARING, 'pm.md': sop });
  const report = await service.report(uri('pm.md'));
  const [finding, ...more] = report?.findings.filter((f) => f.ruleId === 'project-consistency') ?? [];
  assert.equal(more.length, 0, more.map((f) => f.message).join('\n'));
  assert.match(finding?.message ?? '', /^Data goes to "cash partners" here, but no agreement or protocol of the project "north-2026" names this recipient/);
  assert.equal(sop.slice(finding!.span.start, finding!.span.end), 'cash partners');
  // The donors are named in the protocol: nothing to say about them.
  assert.ok(!(await service.report(uri('sharing.md')))?.findings.some((f) => f.ruleId === 'project-consistency'));
});

test('the store reads and analyses each version once, and a change event makes it read the file again', async () => {
  const { host, service } = setup({ 'method.md': METHOD, 'sharing.md': SHARING });
  await service.report(uri('method.md'));
  const reads = host.reads.length;
  await service.report(uri('method.md'));
  await service.report(uri('sharing.md'));
  assert.equal(host.reads.length, reads, 'no file is read twice while nothing changed');
  assert.deepEqual(service.stats(), { documents: 2, open: 0, analysed: 2, analyses: 0, finished: 2, overtaken: 0 });
  host.write(uri('sharing.md'), SHARING.replace('## Outputs and dissemination', '## Other'));
  assert.equal(service.store.get(uri('sharing.md')), undefined);
  await service.report(uri('method.md'));
  assert.ok(host.reads.slice(reads).includes(uri('sharing.md')));
});

test('an open buffer wins over the file, keeps its analysis for hovers, and leaves nothing behind when closed', async () => {
  const { service } = setup({ 'sop.md': LONE });
  service.openDocument(uri('sop.md'), 3, LONE.replace('Why we refer people.', 'Do no harm guides every referral.'));
  const hover = await service.hover(uri('sop.md'), LONE.length - 12);
  assert.match(hover?.markdown ?? '', /Do no harm/);
  assert.equal((await service.report(uri('sop.md')))?.version, 3);
  assert.equal(service.stats().analyses, 1);
  service.closeDocument(uri('sop.md'));
  assert.deepEqual(service.stats(), { documents: 0, open: 0, analysed: 0, analyses: 0, finished: 1, overtaken: 0 });
});

test('a cancelled workspace lint stops between documents and says so', async () => {
  const { service } = setup({ 'a.md': LONE, 'b.md': LONE, 'c.md': LONE });
  const token = { isCancellationRequested: false };
  const seen: number[] = [];
  const run = await service.lintDocuments(await service.discover([W]), {
    token,
    progress: (done) => {
      seen.push(done);
      if (done === 1) token.isCancellationRequested = true;
    },
  });
  assert.equal(run.cancelled, true);
  assert.equal(run.reports.length, 1);
  assert.deepEqual(seen, [0, 1]);
});

test('configuration is read through the host, and a change event on a file it extends applies at once', async () => {
  const { host, service } = setup({ '.pimrc.json': '{ "extends": "./shared/team.json" }', 'shared/team.json': '{ "rules": { "required-section": "off" } }', 'method.md': METHOD });
  const ids = async (): Promise<string[]> => ((await service.report(uri('method.md')))?.findings ?? []).map((f) => f.ruleId);
  assert.ok(!(await ids()).includes('required-section'));
  assert.ok(host.reads.includes(uri('shared/team.json')), 'the extended file was read through the host');
  host.write(uri('shared/team.json'), '{ "rules": { "required-section": "error" } }');
  const after = (await service.report(uri('method.md')))?.findings ?? [];
  assert.ok(after.some((f) => f.ruleId === 'required-section' && f.severity === 'error'), after.map((f) => `${f.ruleId}:${f.severity}`).join(', '));
});

test('only the analyses of the open documents used last are kept; an older one is worked out again when asked, with the same answers', async () => {
  const host = memoryHost({});
  const service = createPimService({ knowledge, host, maxAnalyses: 2 });
  const docs = ['a', 'b', 'c'].map((name) => uri(`${name}.md`));
  const hoverAt = METHOD.indexOf('Informed consent') + 3;
  for (const doc of docs) service.openDocument(doc, 1, METHOD);
  const first = await service.hover(docs[0]!, hoverAt);
  assert.ok(first, 'no hover on the first document');
  for (const doc of docs) await service.report(doc);
  assert.equal(service.stats().analyses, 2, 'more analyses kept than the limit');
  assert.equal(service.stats().analysed, 3, 'every document keeps its facts');
  // The first document's analysis was let go: asking again works it out again, with the same answer.
  assert.deepEqual(await service.hover(docs[0]!, hoverAt), first);
  assert.equal(service.stats().analyses, 2);
});
