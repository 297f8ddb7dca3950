/** A model as two parses of one text must agree on it: without its parse trees, word offsets made absolute (a heading's title words are relative to its block). */
import type { DocumentModel, Section } from '../../server/src/engine/model/build-model';
import type { Token } from '../../server/src/engine/text/normalize';

export function comparableModel(model: DocumentModel) {
  const { chunks: _chunks, segments: _segments, blocks, sections, title, ...rest } = model;
  const headingBase = new Map(blocks.filter((b) => b.kind === 'heading').map((b) => [b.span.start, b.base]));
  const absolute = (tokens: readonly Token[], base: number) => tokens.map((t) => ({ ...t, start: base + t.start, end: base + t.end }));
  const placed = (section: Section) => ({ ...section, titleTokens: absolute(section.titleTokens, section.heading ? (headingBase.get(section.heading.start) as number) : 0) });
  return {
    ...rest,
    sections: sections.map(placed),
    title: title ? placed(title) : undefined,
    blocks: blocks.map(({ base, tokens, ...block }) => ({ ...block, tokens: absolute(tokens, base) })),
  };
}
