import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, hoverAt } from '../../server/src/engine/index';
import { knowledge } from '../helpers/knowledge';

const doc = (front: string, body: string): string => `---\npim:\n${front}---\n${body}`;
const categoryOf = (text: string): [string | undefined, string] => {
  const { analysis } = analyze(text, knowledge);
  return [analysis.category?.id, analysis.categorySource];
};

test('the category is declared, else the only one of the kind, else the only one the title names', () => {
  assert.deepEqual(categoryOf(doc('  kind: report\n  category: case-management\n', '# Monthly report\n')), ['case-management', 'declared']);
  assert.deepEqual(categoryOf(doc('  kind: protection-monitoring-sop\n', '# SOP\n')), ['protection-monitoring', 'kind']);
  assert.deepEqual(categoryOf(doc('  kind: report\n', '# Case management quarterly report\n')), ['case-management', 'title']);
  assert.deepEqual(categoryOf(doc('  kind: report\n  lang: fr\n', '# Rapport du monitoring de protection\n')), ['protection-monitoring', 'title']);
});

test('no category is guessed from the body, from a title naming two, or in place of an unknown declaration', () => {
  assert.deepEqual(categoryOf(doc('  kind: data-sharing-agreement\n', '# Agreement\n\nCovers case management and protection monitoring data.\n')), [undefined, 'none']);
  assert.deepEqual(categoryOf(doc('  kind: report\n', '# Protection monitoring and case management report\n')), [undefined, 'none']);
  assert.deepEqual(categoryOf(doc('  kind: protection-monitoring-sop\n  category: monitoring\n', '# SOP\n')), [undefined, 'none']);
});

test("a transfer the category's Matrix row forbids names the category and quotes the row where the category comes from", () => {
  const text = doc('  kind: report\n  category: protection-monitoring\n', '# Report\n\nHousehold records are e-mailed to the cash partners every week.\n');
  const [finding, ...others] = analyze(text, knowledge).findings.filter((f) => f.ruleId === 'raw-data-to-non-protection-actors');
  assert.equal(others.length, 0);
  assert.ok(finding);
  assert.match(finding.message, /^Here "Household records" goes to "cash partners", but the PIM Matrix for Protection Monitoring keeps it with protection actors; /);
  assert.ok(finding.refs.includes('category:protection-monitoring'));
  const [row] = finding.related ?? [];
  assert.match(row?.message ?? '', /^PIM Matrix, Protection Monitoring, shared data: The movements and protection concerns of individual households/);
  assert.equal(text.slice(row!.span.start, row!.span.end), 'protection-monitoring');
});

test('case data needs consent: an agreement alone does not open it, while other categories accept an agreement', () => {
  const sentence = 'Individual case data is sent to the police under the data-sharing agreement.\n';
  const flagged = (front: string): number =>
    analyze(doc(front, `# Report\n\n${sentence}`), knowledge).findings.filter((f) => f.ruleId === 'raw-data-to-non-protection-actors').length;
  assert.equal(flagged('  kind: report\n  category: case-management\n'), 1);
  assert.equal(flagged('  kind: report\n  category: protection-monitoring\n'), 0);
  assert.equal(flagged('  kind: report\n'), 0);
});

test('hover on pim.category lists the Matrix rows under their names, in the document language', () => {
  const text = doc('  kind: report\n  category: case-management\n  lang: fr\n', '# Rapport\n');
  const hover = hoverAt(analyze(text, knowledge).analysis, text.indexOf('case-management') + 3);
  assert.ok(hover);
  for (const row of ['Définition', 'Exemples de sous-catégories', 'Méthodes', 'Données partagées']) assert.match(hover.markdown, new RegExp(`\\*\\*${row}\\*\\*\u00a0: `));
  assert.match(hover.markdown, /consentement/);
});
