/** Engine data -> LSP types. The only place that knows both. */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type DocumentSymbol,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rules, ruleSource, type Analysis, type CompletionInfo, type CompletionKind, type Edit, type Finding, type OutlineItem, type Severity, type Span } from '../engine/index';

export const SOURCE = 'pim';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pim`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries so a code action can find its finding again. */
export interface DiagnosticData {
  readonly version: number;
  readonly index: number;
}

export function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/**
 * A finding as a diagnostic: its link opens the rule's page, and its related information ends with
 * the PIM source of the rule's requirement, in the document's language, placed at that page.
 */
export function toDiagnostic(document: TextDocument, finding: Finding, index: number, docUrl: (ruleId: string) => string, analysis: Analysis): Diagnostic {
  const page = docUrl(finding.ruleId);
  const related = (finding.related ?? []).map((r) => ({ location: { uri: document.uri, range: rangeOf(document, r.span) }, message: r.message }));
  const citation = sourceCitation(finding, analysis, page, rangeOf(document, finding.span), document.uri);
  const relatedInformation = citation ? [...related, citation] : related;
  return {
    range: rangeOf(document, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: page },
    source: SOURCE,
    message: finding.message,
    ...(relatedInformation.length > 0 ? { relatedInformation } : {}),
    data: { version: document.version, index } satisfies DiagnosticData,
  };
}

/** Findings of no rule (an internal error) cite no source. A page that is no local file is no place to point at: the finding's own range is. */
function sourceCitation(finding: Finding, analysis: Analysis, page: string, range: Range, documentUri: string): DiagnosticRelatedInformation | undefined {
  const rule = rules.find((r) => r.id === finding.ruleId);
  if (!rule) return undefined;
  const location = page.startsWith('file:') ? { uri: page, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } : { uri: documentUri, range };
  return { location, message: ruleSource(analysis.knowledge, rule, analysis.language).summary };
}

export function toTextEdit(document: TextDocument, edit: Edit): TextEdit {
  return { range: rangeOf(document, edit), newText: edit.newText };
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  section: CompletionItemKind.Snippet,
  principle: CompletionItemKind.Keyword,
  step: CompletionItemKind.Event,
  category: CompletionItemKind.Class,
  term: CompletionItemKind.Text,
};

export function toCompletionItem(document: TextDocument, item: CompletionInfo): CompletionItem {
  return {
    label: item.label,
    kind: COMPLETION_KIND[item.kind],
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    textEdit: { range: rangeOf(document, item.replace), newText: item.insertText },
    ...(item.filterText ? { filterText: item.filterText } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
  };
}

export function toDocumentSymbol(document: TextDocument, item: OutlineItem): DocumentSymbol {
  return {
    name: item.name,
    ...(item.detail ? { detail: item.detail } : {}),
    kind: SymbolKind.String,
    range: rangeOf(document, item.span),
    selectionRange: rangeOf(document, item.selectionSpan),
    children: item.children.map((child) => toDocumentSymbol(document, child)),
  };
}
