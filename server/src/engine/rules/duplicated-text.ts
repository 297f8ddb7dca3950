import type { Block } from '../model/build-model';
import type { Token } from '../text/normalize';
import type { Span } from '../types';
import { sentenceSpans } from '../text/sentences';
import { stepEndsAt } from '../steps';
import { defineRule } from './define-rule';

/** Shorter repeats are formulas ("See annex 2."), not copied text. */
const MIN_WORDS = 8;

export default defineRule({
  id: 'duplicated-text',
  description: 'A paragraph, list item or sentence appears twice: a copy-paste left in, which readers notice and which makes the document harder to keep right.',
  defaultSeverity: 'warning',
  missingItem: false,
  scope: 'text',
  refs: [],
  source: 'TEAM',
  howToFix: 'Delete the copy, or keep the passage in one place and refer to it from the other.',
  examples: {
    valid: [{ text: '---\npim:\n  kind: report\n---\n# Report\n\nData is stored on the encrypted server of the office in Erbil.\n\nReports are shared with the protection cluster every month.\n' }],
    invalid: [
      {
        text: '---\npim:\n  kind: report\n---\n# Report\n\nData is stored on the encrypted server of the office in Erbil.\n\nReports are shared with the cluster.\n\nData is stored on the encrypted server of the office in Erbil.\n',
        findings: 1,
      },
      {
        // Two sections pasted again under renamed headings are one copy, not one finding per paragraph.
        text: '---\npim:\n  kind: report\n---\n# Report\n\n## Site A\n\nData is stored on the encrypted server of the office in Erbil.\n\n## Site B\n\nReports are shared with the protection cluster every month.\n\n## Site A, again\n\nData is stored on the encrypted server of the office in Erbil.\n\n## Site B, again\n\nReports are shared with the protection cluster every month.\n',
        findings: 1,
      },
    ],
  },
  *check({ analysis, report, message }) {
    const { model, placeholderWords } = analysis;
    const seen = new Map<string, Span>();
    // The last block of the current run of copied blocks; none yet.
    let runEnd = -2;
    for (let index = 0; index < model.blocks.length; index++) {
      const block = model.blocks[index] as Block;
      if (stepEndsAt(index)) yield;
      if (block.kind === 'heading') {
        // Sections pasted together, their headings renamed or not, are one copy: a heading does not end the run.
        if (runEnd >= index - 1) runEnd = index;
        continue;
      }
      for (const sentence of sentencesOf(model.text, block)) {
        if (sentence.key === undefined || (placeholderWords.size > 0 && sentence.words.some((t) => placeholderWords.has(block.base + t.start)))) continue;
        const span = { start: block.base + sentence.start, end: block.base + sentence.end };
        const first = seen.get(sentence.key);
        if (!first) {
          seen.set(sentence.key, span);
          continue;
        }
        // A run of copied blocks (a whole list or a run of sections pasted twice) is one finding, not one per item.
        const continuesRun = runEnd >= index - 1;
        runEnd = index;
        if (continuesRun) continue;
        report({ span, message: message('duplicated-text'), related: [{ span: first, message: message('duplicated-text.first') }] });
      }
    }
  },
});

/** A sentence of a block, relative to the block's base, with the block's words wholly inside it. */
interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly words: readonly Token[];
  /** The words compared without case, accents or punctuation; undefined when too short to be a copy. */
  readonly key: string | undefined;
}

/**
 * Per block's words: its sentences. An unchanged chunk keeps its blocks' tokens wherever it
 * moves, and sentences relative to the block hold wherever it is, so an edit costs the blocks it changes.
 */
const sentencesByTokens = new WeakMap<readonly Token[], readonly Sentence[]>();

function sentencesOf(text: string, block: Block): readonly Sentence[] {
  let sentences = sentencesByTokens.get(block.tokens);
  if (!sentences) {
    sentences = wordsBySentence(block, sentenceSpans(text, block)).map(([span, words]) => ({
      start: span.start - block.base,
      end: span.end - block.base,
      words,
      key: words.length < MIN_WORDS ? undefined : words.map((t) => t.norm).join(' '),
    }));
    sentencesByTokens.set(block.tokens, sentences);
  }
  return sentences;
}

/** Each sentence of a block with the block's words that lie wholly inside it: one pass over both, as both are in order. */
function wordsBySentence(block: Block, sentences: readonly Span[]): [Span, readonly Token[]][] {
  const tokens = block.tokens;
  let next = 0;
  return sentences.map((sentence) => {
    while (next < tokens.length && block.base + (tokens[next] as Token).start < sentence.start) next++;
    let end = next;
    while (end < tokens.length && block.base + (tokens[end] as Token).end <= sentence.end) end++;
    return [sentence, tokens.slice(next, end)];
  });
}
