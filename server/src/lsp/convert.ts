/** Service data -> LSP types. The only place that knows both. */
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
import type { CompletionInfo, CompletionKind, Edit, OutlineItem, ServiceFinding, Severity, Span } from '../service/index';

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

/** Turns a span of any document the service holds into an LSP range: open buffers and files read for a project alike. */
export type RangeOf = (uri: string, span: Span) => Range;

/**
 * A finding as a diagnostic: its link opens the rule's page, and its related information ends with
 * the PIM source of the rule's requirement, in the document's language, placed at that page.
 */
export function toDiagnostic(finding: ServiceFinding, version: number, index: number, docUrl: (ruleId: string) => string, range: RangeOf): Diagnostic {
  const page = docUrl(finding.ruleId);
  const related = finding.related.map((r) => ({ location: { uri: r.uri, range: range(r.uri, r.span) }, message: r.message }));
  const citation = sourceCitation(finding, page, range(finding.uri, finding.span));
  const relatedInformation = citation ? [...related, citation] : related;
  return {
    range: range(finding.uri, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: page },
    source: SOURCE,
    message: finding.message,
    ...(relatedInformation.length > 0 ? { relatedInformation } : {}),
    data: { version, index } satisfies DiagnosticData,
  };
}

/** Findings of no rule (an internal error) cite no source. A page that is no local file is no place to point at: the finding's own range is. */
function sourceCitation(finding: ServiceFinding, page: string, range: Range): DiagnosticRelatedInformation | undefined {
  if (!finding.citation) return undefined;
  const location = page.startsWith('file:') ? { uri: page, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } : { uri: finding.uri, range };
  return { location, message: finding.citation };
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
