/**
 * parseMarkdown leaves GFM autolink literals out of texts that cannot hold one (they cost half of
 * all parsing), and tables out of texts that cannot hold one. The trees must be those of the whole
 * remark stack, on every text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseMarkdown } from '../../server/src/engine/parse';
import { markdownDocument } from '../helpers/markdown-arbitrary';

const RUNS = Number(process.env.PIM_PROPERTY_RUNS ?? 300);
const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/**
 * Pieces of links, code, HTML and addresses put side by side in every order: an autolink mark in a
 * link destination, next to a label, an escape or an emphasis mark, where the two parses could differ.
 */
const PIECES = [
  '[a](https://x.org)', '[a](<https://x y>)', '[a](https://x y)', '![www.x.org](p.png)', '`www.x.org`', '<https://x.org>', '<a href="https://x.org">', '[a][b]',
  '[b]: https://x.org', '[^n]: www.x.org', '\\[a](https://x)', '&#64;', '&#x77;', '\\@', 'www', 'WWW', '.', '@', 'x', 'org', '*', '_', '~', '~~', '[', ']', '(', ')',
  'http', 'https', ':', '//', 'mailto:', 'xmpp:', 'https://x.org', 'a@b.org', ' ', '\n', '\n\n', '- ', '| a | b |\n|---|---|\n| ',
];
const adjacentPieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join(''));
/** Lines that come close to a table's delimiter row without a pipe, under paragraphs, in lists and quotes. */
const TABLE_PIECES = ['a', 'a b', ':', '-', '--', ':-', '-:', ': -', '- :', '---', '===', ' ', '\n', '\n\n', '- ', '1. ', '2) ', '> ', '    ', '*', '`', '<div>'];
const nearTables = fc.array(fc.constantFrom(...TABLE_PIECES), { maxLength: 30 }).map((pieces) => pieces.join(''));
const withoutPipes = markdownDocument.map((text) => text.replaceAll('|', ''));

test('documents parse to the tree of remark with remark-gfm, whatever autolink marks or table rows they hold and wherever', () => {
  fc.assert(fc.property(fc.oneof(markdownDocument, adjacentPieces, nearTables, withoutPipes), (text) => assert.deepEqual(parseMarkdown(text), remark.parse(text))), { numRuns: RUNS });
});

test('tables without pipes are tables, as remark reads them', () => {
  for (const text of ['a\n:-\n', 'a\n-:\n', 'a\n:-:\n', '> a\n> :-', '- a\n  -:', 'a\n: -\n', 'a\n- :\n', 'a\n-\n']) {
    assert.deepEqual(parseMarkdown(text), remark.parse(text), text);
  }
  assert.equal(parseMarkdown('a\n:-\n').children[0]?.type, 'table');
});

test('every way of writing an autolink literal still makes a link', () => {
  const cases = [
    'Write to jane.doe@example.org today.', 'See www.example.org.', 'See WWW.EXAMPLE.ORG.', 'See https://example.org/a.', 'See HTTP://example.org.',
    'mailto:jane@example.org', 'xmpp:jane@example.org', 'Escaped www\\.example\\.org', 'Escaped http\\://example.org', 'Referenced http&#58;//example.org', 'Referenced jane&#64;example.org', 'Named jane&commat;example.org',
    '| a |\n|---|\n| jane@example.org |', '- [ ] www.example.org', '> https://example.org',
  ];
  for (const text of cases) {
    const tree = parseMarkdown(text);
    assert.deepEqual(tree, remark.parse(text), text);
    assert.match(JSON.stringify(tree), /"type":"link"/, text);
  }
});

test('near misses are plain text, as remark reads them', () => {
  for (const text of ['ww.example.org', 'contact at example dot org', 'htp://example.org', 'wwx.example.org', 'Q and A', 'a ~~struck~~ word and a note[^1]\n\n[^1]: The note.']) {
    assert.deepEqual(parseMarkdown(text), remark.parse(text), text);
  }
});
