/** Pure: reads the YAML front matter and the `pim:` declaration in it, keeping source ranges for diagnostics and hovers. */
import { parseDocument, isMap, isScalar, isPair, type Node as YamlNode, type Pair } from 'yaml';
import { LINE_BREAK, nextLineStart } from '../text/lines';
import { tokenize, type Token } from '../text/normalize';
import type { Span } from '../types';

export interface DeclaredField {
  readonly value: string;
  /** The value in the document. */
  readonly span: Span;
  /** The key in the document. */
  readonly keySpan: Span;
}

export const PIM_FIELDS = ['kind', 'category', 'lang', 'status', 'project'] as const;
export type PimField = (typeof PIM_FIELDS)[number];

export interface PimDeclaration {
  /** The `pim` key. */
  readonly keySpan: Span;
  /** The whole `pim:` entry, key and value. */
  readonly span: Span;
  readonly fields: Partial<Record<PimField, DeclaredField>>;
  /** Keys under `pim:` that mean nothing to the tools (likely typos). */
  readonly unknownKeys: readonly DeclaredField[];
  /** Values that are not plain text, e.g. `kind: [a, b]`. */
  readonly invalid: readonly DeclaredField[];
}

export interface FrontMatter {
  readonly span: Span;
  /** Where the YAML text starts, after the opening `---` line. */
  readonly valueStart: number;
  readonly value: string;
  readonly error?: { readonly message: string; readonly span: Span };
  readonly pim?: PimDeclaration;
  /** Top-level keys, for completion. */
  readonly keys: readonly string[];
  /** The words of a top-level `title:`, where static-site documents keep their title. */
  readonly titleTokens?: readonly Token[];
  /**
   * The front matter declares `pim:`; when its YAML cannot be read, it has a top-level `pim:` line:
   * a broken declaration still asks for the document to be checked, and its error to be reported.
   */
  readonly declaresPim: boolean;
}

const PIM_KEY_LINE = /^pim[ \t]*:/m;

export function readFrontMatter(text: string, span: Span, value: string): FrontMatter {
  const valueStart = Math.min(nextLineStart(text, span.start), span.end);
  // The YAML parser knows \n and \r\n only; a lone \r becomes \n, which keeps every offset.
  const doc = parseDocument(value.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: false });
  const at = (range: readonly number[] | null | undefined, fallback: Span): Span =>
    range ? { start: valueStart + (range[0] ?? 0), end: valueStart + (range[1] ?? range[0] ?? 0) } : fallback;
  const base = { span, valueStart, value };
  const firstError = doc.errors[0];
  if (firstError) {
    // The parser may place an error at the end of the YAML text: keep the range inside the front matter.
    const start = Math.min(valueStart + (firstError.pos[0] ?? 0), span.end);
    const end = Math.min(Math.max(start + 1, valueStart + (firstError.pos[1] ?? 0)), span.end);
    const message = firstError.message.split(LINE_BREAK)[0] ?? 'invalid YAML';
    return { ...base, error: { message, span: { start, end } }, keys: [], declaresPim: PIM_KEY_LINE.test(value) };
  }
  if (!isMap(doc.contents)) return { ...base, keys: [], declaresPim: false };
  const keys: string[] = [];
  let pim: PimDeclaration | undefined;
  let titleTokens: Token[] | undefined;
  for (const item of doc.contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    keys.push(key);
    if (key === 'pim') pim = readPim(item, at, span);
    if (key === 'title' && isScalar(item.value) && typeof item.value.value === 'string') titleTokens = tokenize(item.value.value);
  }
  return { ...base, keys, ...(pim ? { pim } : {}), ...(titleTokens ? { titleTokens } : {}), declaresPim: pim !== undefined };
}

type RangeOf = (range: readonly number[] | null | undefined, fallback: Span) => Span;

function readPim(entry: Pair, at: RangeOf, fallback: Span): PimDeclaration {
  const keyNode = entry.key as YamlNode | null;
  const valueNode = entry.value as YamlNode | null;
  const keySpan = at(keyNode?.range, fallback);
  const entrySpan = { start: keySpan.start, end: at(valueNode?.range, keySpan).end };
  const fields: Partial<Record<PimField, DeclaredField>> = {};
  const unknownKeys: DeclaredField[] = [];
  const invalid: DeclaredField[] = [];
  // `pim: dpia` is read as shorthand for `pim: {kind: dpia}`.
  if (isScalar(valueNode) && valueNode.value !== null) {
    const span = at(valueNode.range, keySpan);
    fields.kind = { value: String(valueNode.value).trim(), span, keySpan };
    return { keySpan, span: entrySpan, fields, unknownKeys, invalid };
  }
  if (isMap(valueNode)) {
    for (const item of valueNode.items) {
      if (!isPair(item)) continue;
      const name = isScalar(item.key) ? String(item.key.value) : '';
      const field: DeclaredField = {
        value: isScalar(item.value) && item.value.value !== null ? String(item.value.value).trim() : '',
        span: at((item.value as YamlNode | null)?.range, at((item.key as YamlNode | null)?.range, keySpan)),
        keySpan: at((item.key as YamlNode | null)?.range, keySpan),
      };
      if (!(PIM_FIELDS as readonly string[]).includes(name)) unknownKeys.push({ ...field, value: name });
      else if (!isScalar(item.value)) invalid.push({ ...field, value: name });
      else fields[name as PimField] = field;
    }
  }
  return { keySpan, span: entrySpan, fields, unknownKeys, invalid };
}
