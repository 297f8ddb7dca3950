import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analysis, analyze, rules } from '../../server/src/engine/index';
import { lint } from '../../server/src/engine/lint';
import { defineRule } from '../../server/src/engine/rules/define-rule';
import { knowledge } from '../helpers/knowledge';

const REFERRAL = (status: string): string =>
  `---\npim:\n  kind: referral-sop\n  status: ${status}\n---\n# Referral SOP\n\n## Purpose\n\nWhy we refer people.\n`;

const severities = (text: string, ruleId: string, options = {}): string[] =>
  analyze(text, knowledge, options)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => f.severity);

test('Markdown that nobody marked as a PIM document gets no findings at all', () => {
  assert.deepEqual(analyze('# Notes\n\nTODO: call +44 20 7946 0958 about WhatsApp lists.\n', knowledge).findings, []);
});

test('a rule that throws becomes one internal-error finding and the other rules still run', () => {
  const broken = defineRule({
    id: 'broken',
    description: 'A rule that always fails, for this test.',
    defaultSeverity: 'warning',
    missingItem: false,
    scope: 'document',
    refs: [],
    source: 'TEAM',
    howToFix: 'Nothing: it exists to fail.',
    examples: { valid: [], invalid: [] },
    check() {
      throw new Error('boom');
    },
  });
  const findings = lint(new Analysis(REFERRAL('review'), knowledge), [broken, ...rules]);
  const internal = findings.filter((f) => f.ruleId === 'internal-error');
  assert.equal(internal.length, 1);
  assert.match(internal[0]!.message, /"broken" failed on this document \(boom\)/);
  assert.ok(findings.some((f) => f.ruleId === 'required-section'));
});

test('severity follows the status: draft lowers missing items, final makes required sections errors', () => {
  assert.deepEqual([...new Set(severities(REFERRAL('review'), 'required-section'))], ['warning']);
  assert.deepEqual([...new Set(severities(REFERRAL('draft'), 'required-section'))], ['info']);
  assert.deepEqual([...new Set(severities(REFERRAL('final'), 'required-section'))], ['error']);
  // Unaddressed principles are warnings; a draft lowers them.
  assert.deepEqual([...new Set(severities(REFERRAL('review'), 'principle-unaddressed'))], ['warning']);
  assert.deepEqual([...new Set(severities(REFERRAL('draft'), 'principle-unaddressed'))], ['info']);
});

test('configuration wins over defaults and status, and can turn a rule off', () => {
  assert.deepEqual([...new Set(severities(REFERRAL('final'), 'required-section', { rules: { 'required-section': 'hint' } }))], ['hint']);
  assert.deepEqual(severities(REFERRAL('final'), 'required-section', { rules: { 'required-section': 'off' } }), []);
});

test('findings carry ranges inside the text, refs that resolve and fixes with edits', () => {
  const text = REFERRAL('review');
  for (const f of analyze(text, knowledge).findings) {
    assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, f.ruleId);
    for (const ref of f.refs) assert.ok(knowledge.byRef.has(ref), ref);
    for (const edit of f.fix?.edits ?? []) assert.ok(edit.start <= edit.end && edit.end <= text.length);
  }
});

test('applying the safe fixes inserts the missing sections, and the required-section findings disappear', () => {
  const text = REFERRAL('review');
  const edits = analyze(text, knowledge)
    .findings.filter((f) => f.fix?.safe)
    .flatMap((f) => f.fix!.edits)
    .sort((a, b) => b.start - a.start);
  const fixed = edits.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
  assert.deepEqual(severities(fixed, 'required-section'), []);
  assert.match(fixed, /\n## Follow-up and feedback\n/);
});

test('pathological and random input never throws', () => {
  const samples = [
    '',
    '\u0000\uFFFF\uD800',
    '---\n---\n',
    '---\npim:\n',
    '#'.repeat(10000),
    '> '.repeat(2000) + 'deep',
    '- '.repeat(500) + 'list',
    '[' .repeat(5000),
    '|a|\n|-|\n' + '|x|\n'.repeat(2000),
    '<!-- pim-disable'.repeat(100),
    '{% '.repeat(3000),
    'a\r\nb\rc\n',
  ];
  let seed = 42;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const alphabet = ['#', ' ', '\n', '-', '*', '`', '[', ']', '(', ')', '<', '>', '!', '|', 'pim', 'consent', 'WhatsApp', '---', ':', 'é', '😀', '\t', '1.', '{%', '%}'];
  for (let i = 0; i < 200; i++) samples.push(Array.from({ length: 1 + Math.floor(random() * 300) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
  for (const sample of samples) {
    for (const text of [sample, `---\npim:\n  kind: pim-project\n---\n${sample}`]) {
      const { analysis, findings } = analyze(text, knowledge, { treatAsPim: true });
      assert.ok(Array.isArray(findings));
      assert.ok(!findings.some((f) => f.ruleId === 'internal-error'), `${JSON.stringify(text.slice(0, 80))}: ${findings.map((f) => f.message).join(' | ')}`);
      void analysis.coverage;
    }
  }
});

test('a span a rule reports outside the document is clamped into it, related spans too', () => {
  const text = REFERRAL('review');
  const outside = defineRule({
    id: 'outside',
    description: 'A rule that reports past both ends of the document, for this test.',
    defaultSeverity: 'warning',
    missingItem: false,
    scope: 'text',
    refs: [],
    source: 'TEAM',
    howToFix: 'Nothing to fix: a rule for this test.',
    examples: { valid: [], invalid: [] },
    check({ report }) {
      report({ span: { start: -10, end: text.length + 50 }, message: 'everywhere', related: [{ span: { start: text.length + 5, end: text.length + 9 }, message: 'after the end' }] });
    },
  });
  const [finding] = lint(new Analysis(text, knowledge), [outside]);
  assert.deepEqual(finding?.span, { start: 0, end: text.length });
  assert.deepEqual(finding?.related?.[0]?.span, { start: text.length, end: text.length });
});

test('a policy that shares data about people, even in passing, is asked for a risk assessment', () => {
  const notice = (extra: string): string =>
    `---\npim:\n  kind: policy\n---\n# Privacy notice of the help board\n\nWhen you ask for help we record your name and phone number, and these are shared with the volunteers who offer help.\n${extra}\nWrite to the team to have your entry removed.\n`;
  const analysis = new Analysis(notice(''), knowledge, {});
  // The path under test: no data activity planned in full (collection is not addressed), yet people's data is shared.
  assert.equal(analysis.plansDataActivity, false);
  assert.equal(analysis.sharesPersonalData, true);
  assert.equal(severities(notice(''), 'risk-assessment-missing').length, 1);
  assert.deepEqual(severities(notice('\nA risk assessment names the risks of the board for the people listed and how each is mitigated.\n'), 'risk-assessment-missing'), []);
});
