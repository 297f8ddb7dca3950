/**
 * fast-check generators of Markdown documents that stress the parser and the engine: every block
 * CommonMark has (fences open and closed in every way, the seven kinds of HTML blocks, lists,
 * quotes, tables, definitions), front matter valid, invalid and huge, scripts and characters that
 * break naive offset arithmetic, PIM phrases that make rules fire, and mixed line endings.
 */
import fc from 'fast-check';

const WORDS = [
  'informed consent', 'do no harm', 'purpose', 'WhatsApp', 'TODO', 'lorem ipsum', 'referral', 'retention', 'data protection', 'risk',
  'Consent is sought before any referral.', 'call +44 20 7946 0958', 'jane.doe@example.org', '12.3456, -7.8910',
  'الموافقة المستنيرة', 'e\u0301\u0301te\u0301', '👩‍👩‍👧 families 🇫🇷', '\uD800', '\uDC00 lone', 'nul\u0000byte', 'tab\there', '\u001b[31mred\u001b[0m',
  '*emphasis*', '**Label**: text', '`code`', '<span>inline</span>', '<!-- inline comment -->', '[link](http://x)', '[ref]', '[Ref][ref]', 'note[^1]', '{{ template }}',
];

const word = fc.constantFrom(...WORDS);
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
const indent = fc.constantFrom('', ' ', '  ', '   ', '    ', '\t');

const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(' ', '', '\t'), text).map(([level, space, t]) => `${'#'.repeat(level)}${space}${t}`);
const fence = fc.tuple(indent, fc.constantFrom('```', '````', '~~~', '``', '~~~~'), fc.constantFrom('', 'js', ' yaml ', 'a`b', '  text after')).map(([i, marks, info]) => `${i}${marks}${info}`);
const listItem = fc.tuple(indent, fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. ', '-'), fc.oneof(text, fence, heading)).map(([i, marker, t]) => `${i}${marker}${t}`);
const quote = fc.tuple(fc.constantFrom('> ', '>', '> > ', '   > '), fc.oneof(text, fence, heading, listItem)).map(([marker, t]) => `${marker}${t}`);
const html = fc.constantFrom(
  '<!--', '-->', '<!-- one line -->', '<!-->', 'text --> more', '<pre>', '</pre>', '<pre>x</pre>', '<script>', '</script>', '<style', '</style>', '<textarea>',
  '<?php', '?>', '<!DOCTYPE html>', '<!DOCTYPE', '>', '<![CDATA[', ']]>', '<div>', '</div>', '<div class="x">', '<table><tr><td>cell text</td></tr></table>',
  '<span>', '</span>', '<custom-tag a="1" b=\'2\' c=d>', '<!-- pim-disable -->', '<!-- pim-enable -->', '<!-- pim-disable-next-line -->', '<!-- pim-disable-file empty-section -->',
);
const tableRow = fc.array(text, { minLength: 1, maxLength: 3 }).map((cells) => `| ${cells.join(' | ')} |`);
const tableDelimiter = fc.constantFrom('|---|', '| --- | --- |', '|:-|-:|:-:|');
const definition = fc.constantFrom('[ref]: https://example.org', '[Ref]: /x "title"', '[ref]:', '  /on-the-next-line', '[^1]: The note.', '[^1]:', '    indented note', '[a\\]b]: /x', '[a]b]: /x');
const blank = fc.constantFrom('', ' ', '\t', '   ');
const thematic = fc.constantFrom('---', '***', '___', '- - -', '===');

const line = fc.oneof(
  { arbitrary: blank, weight: 6 },
  { arbitrary: text, weight: 5 },
  { arbitrary: heading, weight: 5 },
  { arbitrary: fence, weight: 3 },
  { arbitrary: listItem, weight: 2 },
  { arbitrary: quote, weight: 2 },
  { arbitrary: html, weight: 3 },
  { arbitrary: tableRow, weight: 1 },
  { arbitrary: tableDelimiter, weight: 1 },
  { arbitrary: definition, weight: 2 },
  { arbitrary: thematic, weight: 1 },
  { arbitrary: fc.tuple(indent, text).map(([i, t]) => `${i}${t}`), weight: 1 },
);

const KINDS = ['referral-sop', 'report', 'dpia', 'protection-monitoring-sop', 'unknown-thing'];
const frontMatter = fc.oneof(
  fc.tuple(fc.constantFrom(...KINDS), fc.constantFrom('', '  status: draft', '  status: final', '  lang: fr', '  staus: x')).map(([kind, extra]) => ['---', 'pim:', `  kind: ${kind}`, ...(extra ? [extra] : []), '---']),
  fc.constantFrom(['---', 'pim:', '  kind: [report', '---'], ['---', 'pim: {kind: report', '---'], ['---', 'pim:', '\tkind: report', '---'], ['---', 'pim:', '  kind: report', '...'], ['---', 'pim:', '  kind: report']),
  fc.integer({ min: 50, max: 400 }).map((n) => ['---', 'pim:', '  kind: report', ...Array.from({ length: n }, (_, i) => `key${i}: value ${i}`), '---']),
  fc.constant(['---', 'title: x', '', '# comment', '---']),
);

const lineEnding = fc.constantFrom('\n', '\n', '\r\n', '\r');

/** A document: optional byte order mark and front matter, then lines, each with its own or one shared line ending. */
export const markdownDocument: fc.Arbitrary<string> = fc
  .tuple(fc.option(frontMatter, { nil: undefined }), fc.array(line, { maxLength: 40 }), fc.oneof(fc.constant('uniform'), fc.constant('mixed')), lineEnding, fc.array(lineEnding, { maxLength: 60 }), fc.boolean())
  .map(([front, body, style, uniform, mixed, bom]) => {
    const lines = [...(front ?? []), ...body];
    const joined = lines.map((l, i) => `${l}${style === 'uniform' ? uniform : (mixed[i % Math.max(1, mixed.length)] ?? '\n')}`).join('');
    return `${bom ? '\uFEFF' : ''}${joined}`;
  });

/** An edit as an editor makes it: replace a range of the text with a few generated characters. */
export const textEdit = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constant(''), line.map((l) => `${l}\n`), fc.constantFrom('\n', '\n\n', '#', '`', '<!--', '-->', '[', ']', '\r', 'a')));

export function applyTextEdit(text: string, [at, length, insert]: [number, number, string]): string {
  const start = text.length === 0 ? 0 : at % (text.length + 1);
  return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
}
