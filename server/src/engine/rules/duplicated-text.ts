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
    ],
  },
  *check({ analysis, report, message }) {
    const { model, placeholderWords } = analysis;
    const seen = new Map<string, Span>();
    let previous: { block: number } | undefined;
    for (const [index, block] of model.blocks.entries()) {
      if (stepEndsAt(index)) yield;
      if (block.kind === 'heading') continue;
      const words = wordsBySentence(block, sentenceSpans(model.text, block));
      for (const [sentence, sentenceWords] of words) {
        const key = keyOf(block, sentenceWords, placeholderWords);
        if (key === undefined) continue;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, sentence);
          continue;
        }
        // A run of copied blocks (a whole list pasted twice) is one finding, not one per item.
        const continuesRun = previous !== undefined && previous.block >= index - 1;
        previous = { block: index };
        if (continuesRun) continue;
        report({ span: sentence, message: message('duplicated-text'), related: [{ span: first, message: message('duplicated-text.first') }] });
      }
    }
  },
});

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

/**
 * The words of a sentence, compared without case, accents or punctuation; undefined when too short
 * to be a copy, or when it holds a template prompt (prompts repeat by design).
 */
function keyOf(block: Block, words: readonly Token[], placeholderWords: ReadonlySet<number>): string | undefined {
  if (words.length < MIN_WORDS || words.some((t) => placeholderWords.has(block.base + t.start))) return undefined;
  return words.map((t) => t.norm).join(' ');
}
