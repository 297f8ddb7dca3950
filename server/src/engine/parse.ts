/** Pure: Markdown text -> mdast, with front matter and GFM (tables, task lists, footnotes). */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Nodes, Root } from 'mdast';

/** remark-gfm without autolink literals, and without tables if asked, in remark-gfm's order (see gfm() and gfmFromMarkdown()). */
function gfmWithout(tables: boolean) {
  return function gfmWithoutAutolinkLiterals(this: Processor): void {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(combineExtensions([gfmFootnote(), gfmStrikethrough(), ...(tables ? [gfmTable()] : []), gfmTaskListItem()]));
    (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), ...(tables ? [gfmTableFromMarkdown()] : []), gfmTaskListItemFromMarkdown()]);
  };
}

// The processors hold no per-document state, so one frozen instance of each serves every parse.
const withEveryExtension = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const withoutAutolinkLiterals = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmWithout(true)).freeze();
const withoutAutolinkLiteralsOrTables = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmWithout(false)).freeze();

/**
 * What a text must hold for a GFM table: its delimiter row has a pipe, or a colon beside a dash
 * (`:-`, `-:`) when it has none. The table construct reads the first line of every paragraph as a
 * header row before it finds no delimiter row under it, a quarter of all parsing where none can be.
 */
const MAY_HOLD_TABLE = /\||:-|-:/;

/**
 * What a text value must hold for GFM autolink literals to link part of it: `www.`, `http://` or
 * `https://` in any case, or `@` between an address's characters (mailto: and xmpp: addresses too;
 * not a handle like "@eslint"). Values are decoded, so `http\://` and `&#64;` count too, as they
 * do for the literals' own tree transform.
 */
const AUTOLINK_MARK = /[\w+.-]@[\w.-]|www\.|https?:\/\//i;

/**
 * A mark that is most likely linked: an address, or a URL that no `(`, `<`, quote, `=` or `/` puts
 * in a link destination, tag or other URL. A text holding one is parsed with every extension at
 * once rather than twice; the choice is only about speed, as both ways give the same tree.
 */
const LIKELY_LITERAL = /[\w+.-]@[\w-]+\.|(?<![(<"'=/])(?:https?:\/\/|www\.)/i;

/**
 * Autolink literals cost about half of all parsing: their email construct is tried at the start of
 * every word and walks back through the paragraph's events each time. A text parsed without them
 * whose text nodes hold none of their marks has the tree it would have with them: a literal starts
 * on plain characters, which stay in text nodes, and the marks in link destinations, code and HTML
 * are never linked. Only where a text node holds a mark is the text parsed again with every
 * extension (test/engine/parse.test.ts compares both on generated documents); where one is likely,
 * it is parsed with every extension straight away.
 */
export function parseMarkdown(text: string): Root {
  if (LIKELY_LITERAL.test(text)) return withEveryExtension.parse(text);
  const tree = (MAY_HOLD_TABLE.test(text) ? withoutAutolinkLiterals : withoutAutolinkLiteralsOrTables).parse(text);
  return someTextHolds(tree, AUTOLINK_MARK) ? withEveryExtension.parse(text) : tree;
}

/** Without recursion, as `build-model.ts` walks trees: nesting the guard lets through must not overflow the stack. */
function someTextHolds(tree: Root, pattern: RegExp): boolean {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text' && pattern.test(node.value)) return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}
