/**
 * Quick fixes from the engine's findings, plus "disable for this line / file" (written as HTML
 * comments, which Markdown keeps invisible), "open the rule's documentation", and
 * `source.fixAll.pim` for every fix marked safe.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { message, type DocumentReport, type Knowledge, type ServiceFinding } from '../service/index';
import { FIX_ALL_KIND, SOURCE, toTextEdit, type DiagnosticData } from './convert';

export const OPEN_RULE_DOCS_COMMAND = 'pim.openRuleDocumentation';

export function codeActions(document: TextDocument, result: DocumentReport, knowledge: Knowledge, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((d): d is Diagnostic & { code: string } => d.source === SOURCE && typeof d.code === 'string');
    for (const diagnostic of ours) {
      const fix = findingFor(result, document, diagnostic)?.fix;
      if (fix) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.safe, edit: { changes: { [document.uri]: fix.edits.map((e) => toTextEdit(document, e)) } } });
    }
    // Several findings of one rule on a line share one set of "disable" and "documentation" actions.
    for (const ruleId of new Set(ours.map((d) => d.code))) {
      actions.push(...ruleActions(document, result, knowledge, ours.filter((d) => d.code === ruleId), ruleId));
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const fixAll = fixAllAction(document, result, knowledge);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** The finding a diagnostic was made from, if the document has not changed since. */
function findingFor(result: DocumentReport, document: TextDocument, diagnostic: Diagnostic): ServiceFinding | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data?.version === result.version && typeof data.index === 'number') {
    const finding = result.findings[data.index];
    if (finding?.ruleId === diagnostic.code) return finding;
  }
  const start = document.offsetAt(diagnostic.range.start);
  return result.findings.find((f) => f.ruleId === diagnostic.code && f.span.start === start && f.message === diagnostic.message);
}

function ruleActions(document: TextDocument, result: DocumentReport, knowledge: Knowledge, diagnostics: Diagnostic[], ruleId: string): CodeAction[] {
  const t = (key: string, params: Record<string, string>): string => message(knowledge, key, result.language, params);
  const edit = (edits: TextEdit[]) => ({ changes: { [document.uri]: edits } });
  const actions: CodeAction[] = [];
  const frontMatterEnd = result.facts.frontMatterEnd;
  const first = diagnostics[0] as Diagnostic;
  const line = first.range.start.line;
  const inFrontMatter = frontMatterEnd !== undefined && document.offsetAt(first.range.start) < frontMatterEnd;
  if (!inFrontMatter) {
    const lineStart = { line, character: 0 };
    actions.push({
      title: t('fix.disable-line', { rule: ruleId }),
      kind: CodeActionKind.QuickFix,
      diagnostics,
      edit: edit([{ range: { start: lineStart, end: lineStart }, newText: `<!-- pim-disable-next-line ${ruleId} -->\n` }]),
    });
  }
  const fileStart = document.positionAt(frontMatterEnd !== undefined ? afterLine(document, frontMatterEnd) : 0);
  actions.push({
    title: t('fix.disable-file', { rule: ruleId }),
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: edit([{ range: { start: fileStart, end: fileStart }, newText: `<!-- pim-disable-file ${ruleId} -->\n` }]),
  });
  actions.push({
    title: t('fix.open-docs', { rule: ruleId }),
    kind: CodeActionKind.QuickFix,
    diagnostics,
    command: { title: t('fix.open-docs', { rule: ruleId }), command: OPEN_RULE_DOCS_COMMAND, arguments: [ruleId] },
  });
  return actions;
}

/** Every safe fix at once; an edit that overlaps one already taken waits for the next run. */
function fixAllAction(document: TextDocument, result: DocumentReport, knowledge: Knowledge): CodeAction | undefined {
  const edits: TextEdit[] = [];
  const taken: { start: number; end: number }[] = [];
  for (const finding of result.findings) {
    if (!finding.fix?.safe) continue;
    const spans = finding.fix.edits;
    if (spans.some((e) => taken.some((t) => e.start < t.end && t.start < e.end))) continue;
    for (const e of spans) {
      taken.push(e);
      edits.push(toTextEdit(document, e));
    }
  }
  if (edits.length === 0) return undefined;
  return { title: message(knowledge, 'fix.all', result.language), kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } };
}

/** The start of the next line, whatever its line break (the document's end on the last line). */
function afterLine(document: TextDocument, offset: number): number {
  return document.offsetAt({ line: document.positionAt(offset).line + 1, character: 0 });
}

