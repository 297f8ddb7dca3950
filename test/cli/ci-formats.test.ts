/**
 * The CI formats against what GitHub and GitLab document: the workflow-command syntax and its
 * escaping for `--format github`, the Code Quality fields for `--format codequality`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { runCli } from '../helpers/run-cli';
import { formatCodeQuality } from '../../server/src/cli/formats/codequality';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github';
import type { LocatedFinding } from '../../server/src/cli/lint-files';
import { tempWorkspace } from '../helpers/temp-workspace';

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  const { code, stdout } = await runCli(args, cwd);
  return { code, stdout };
}

interface JsonFinding {
  file: string;
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A file name with every character that workflow-command properties must escape. */
const AWKWARD_FILE = 'docs/q1, 50%: plan.md';
const FILES = {
  [AWKWARD_FILE]: '---\npim:\n  kind: referral-sop\n  status: final\n---\n# Referral SOP\n\n## Purpose\n\nWhy we refer, and when.\n',
  'docs/dpia.md': '---\npim:\n  kind: dpia\n---\n# DPIA\n\nTODO\n\nCall +44 20 7946 0958 for details.\n',
  'docs/bad-kind.md': '---\npim:\n  kind: memo\n---\n# Memo\n',
};

function finding(overrides: Partial<LocatedFinding>): LocatedFinding {
  return { file: 'docs/a.md', ruleId: 'empty-section', severity: 'warning', message: 'A message.', line: 3, column: 1, endLine: 3, endColumn: 9, refs: [], ...overrides };
}

// GitHub: "::{command} {parameters}::{message}", parameters "name=value" separated by commas.
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
const WORKFLOW_COMMAND = /^::(error|warning|notice)(?: ([^:\r\n]*))?::([^\r\n]*)$/;
const ANNOTATION_PARAMETERS = new Set(['title', 'file', 'col', 'endColumn', 'line', 'endLine']);
const ESCAPES: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ',' };

function unescape(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (escape) => ESCAPES[escape] as string);
}

interface Annotation {
  readonly command: string;
  readonly parameters: Record<string, string>;
  readonly message: string;
}

/** Parses one line as the runner does, failing on anything the syntax does not allow. */
function parseAnnotation(line: string): Annotation {
  const match = WORKFLOW_COMMAND.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const parameters: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',')) {
    const [name = '', ...rest] = pair.split('=');
    const value = rest.join('=');
    assert.ok(ANNOTATION_PARAMETERS.has(name), `unknown annotation parameter "${name}" in ${line}`);
    assert.doesNotMatch(value, /%(?!25|0D|0A|3A|2C)/, `unescaped % in ${name}`);
    parameters[name] = unescape(value);
  }
  const message = match[3] as string;
  assert.doesNotMatch(message, /%(?!25|0D|0A)/, `unescaped % in the message of ${line}`);
  return { command: match[1] as string, parameters, message: unescape(message) };
}

test('github: escaping of messages and properties, as @actions/core does it', () => {
  assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('docs/q1, 50%: plan\n.md'), 'docs/q1%2C 50%25%3A plan%0A.md');
  assert.equal(
    formatGithub([finding({ file: 'a,b:c.md', ruleId: 'required-section', severity: 'error', message: 'Missing 100%:\nadd it.' })]),
    '::error file=a%2Cb%3Ac.md,line=3,col=1,endColumn=9,title=required-section::Missing 100%25:%0Aadd it.\n',
  );
});

test('github: severities map to error, warning and notice; a finding over several lines stays on its first line', () => {
  const levels = formatGithub((['error', 'warning', 'info', 'hint'] as const).map((severity) => finding({ severity })))
    .trimEnd()
    .split('\n')
    .map((line) => parseAnnotation(line).command);
  assert.deepEqual(levels, ['error', 'warning', 'notice', 'notice']);
  const section = parseAnnotation(formatGithub([finding({ line: 6, column: 1, endLine: 12, endColumn: 4 })]).trimEnd());
  assert.deepEqual(section.parameters, { file: 'docs/a.md', line: '6', col: '1', title: 'empty-section' });
});

test('github: every line of a real run is a valid annotation that decodes to the finding, with paths relative to the working directory', async () => {
  const ws = tempWorkspace(FILES);
  try {
    const expected = JSON.parse((await run(['docs', '-f', 'json'], ws.root)).stdout) as JsonFinding[];
    const { code, stdout } = await run(['docs', '-f', 'github'], ws.root);
    assert.equal(code, 1);
    const annotations = stdout.trimEnd().split('\n').map(parseAnnotation);
    assert.equal(annotations.length, expected.length);
    assert.ok(expected.some((f) => f.file === AWKWARD_FILE && /[:,]/.test(f.message)), 'the run exercises escaping');
    annotations.forEach((annotation, i) => {
      const f = expected[i] as JsonFinding;
      assert.equal(annotation.command, { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' }[f.severity]);
      assert.equal(annotation.message, f.message);
      assert.equal(annotation.parameters.file, f.file);
      assert.equal(annotation.parameters.title, f.ruleId);
      assert.equal(Number(annotation.parameters.line), f.line);
      assert.equal(Number(annotation.parameters.col), f.column);
      assert.equal(annotation.parameters.endColumn === undefined ? undefined : Number(annotation.parameters.endColumn), f.endLine === f.line ? f.endColumn : undefined);
    });
  } finally {
    ws.dispose();
  }
});

test('github: no findings, no output', async () => {
  const ws = tempWorkspace({ 'clean.md': '---\npim:\n  kind: dpia\n---\n# DPIA\n\n<!-- pim-disable-file -->\n' });
  try {
    assert.deepEqual(await run(['clean.md', '-f', 'github'], ws.root), { code: 0, stdout: '' });
  } finally {
    ws.dispose();
  }
});

/** The fields GitLab documents for a Code Quality report, as a JSON Schema. */
const CODE_QUALITY_SCHEMA = {
  $comment: 'https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format',
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path'],
        properties: {
          path: { type: 'string', minLength: 1, pattern: '^(?![/\\\\]|\\./|[A-Za-z]:)', $comment: 'relative to the repository root' },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
          positions: { type: 'object', required: ['begin'], properties: { begin: { type: 'object', required: ['line'], properties: { line: { type: 'integer', minimum: 1 } } } } },
        },
        anyOf: [{ required: ['lines'] }, { required: ['positions'] }],
      },
    },
  },
};

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

test('codequality: the report has the fields GitLab documents, one issue per finding', async () => {
  const ws = tempWorkspace(FILES);
  try {
    const expected = JSON.parse((await run(['docs', '-f', 'json'], ws.root)).stdout) as JsonFinding[];
    const { code, stdout } = await run(['docs', '-f', 'codequality'], ws.root);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as CodeQualityIssue[];
    const validate = new Ajv({ allErrors: true, strict: false }).compile(CODE_QUALITY_SCHEMA);
    assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(report.length, expected.length);
    report.forEach((issue, i) => {
      const f = expected[i] as JsonFinding;
      assert.deepEqual(
        { description: issue.description, check_name: issue.check_name, severity: issue.severity, path: issue.location.path, begin: issue.location.lines.begin },
        { description: f.message, check_name: f.ruleId, severity: { error: 'major', warning: 'minor', info: 'info', hint: 'info' }[f.severity], path: f.file, begin: f.line },
      );
    });
    assert.equal(new Set(report.map((issue) => issue.fingerprint)).size, report.length, 'fingerprints are unique');
  } finally {
    ws.dispose();
  }
});

test('codequality: fingerprints are stable across runs and when lines move, and repeats of one finding differ', async () => {
  const ws = tempWorkspace(FILES);
  // Two comment lines at the top of the front matter move every finding down by two lines.
  const moved = tempWorkspace(Object.fromEntries(Object.entries(FILES).map(([path, text]) => [path, text.replace(/^---\n/, '---\n# reviewed\n# by the cluster\n')])));
  try {
    const report = async (root: string): Promise<CodeQualityIssue[]> => JSON.parse((await run(['docs', '-f', 'codequality'], root)).stdout) as CodeQualityIssue[];
    const first = await report(ws.root);
    assert.deepEqual(await report(ws.root), first);
    const shifted = await report(moved.root);
    assert.deepEqual(shifted.map((issue) => issue.fingerprint), first.map((issue) => issue.fingerprint));
    assert.deepEqual(shifted.map((issue) => issue.location.lines.begin), first.map((issue) => issue.location.lines.begin + 2));
  } finally {
    ws.dispose();
    moved.dispose();
  }
  const twice = JSON.parse(formatCodeQuality([finding({ line: 3 }), finding({ line: 9 })])) as CodeQualityIssue[];
  assert.notEqual(twice[0]?.fingerprint, twice[1]?.fingerprint);
});
