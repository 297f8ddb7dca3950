/**
 * Documents are parsed in chunks, and must read as one whole parse reads them. Generated
 * documents (and edits of them, which exercise chunk reuse) give the same model and findings both ways.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine/index';
import { buildModel } from '../../server/src/engine/model/build-model';
import { parseChunksInSteps } from '../../server/src/engine/model/chunks';
import { parseAnswer } from '../../server/src/engine/steps';
import { comparableModel as comparable } from '../helpers/comparable-model';
import { knowledge } from '../helpers/knowledge';
import { applyTextEdit, markdownDocument, textEdit } from '../helpers/markdown-arbitrary';

const RUNS = Number(process.env.PIM_PROPERTY_RUNS ?? 300);

test('chunked parsing gives the model and the findings of one whole parse', () => {
  fc.assert(
    fc.property(markdownDocument, (text) => {
      assert.deepEqual(comparable(buildModel(text)), comparable(buildModel(text, 'whole')));
      assert.deepEqual(analyze(text, knowledge, { treatAsPim: true }).findings, analyze(text, knowledge, { treatAsPim: true }, 'whole').findings);
    }),
    { numRuns: RUNS },
  );
});

test('after edits, re-using the previous chunks gives the model and the findings of one whole parse', () => {
  fc.assert(
    fc.property(markdownDocument, fc.array(textEdit, { minLength: 1, maxLength: 4 }), (first, edits) => {
      let previous = analyze(first, knowledge, { treatAsPim: true }).analysis;
      let text = first;
      for (const edit of edits) {
        text = applyTextEdit(text, edit);
        const incremental = analyze(text, knowledge, { treatAsPim: true }, previous);
        assert.deepEqual(comparable(incremental.analysis.model), comparable(buildModel(text, 'whole')));
        assert.deepEqual(incremental.findings, analyze(text, knowledge, { treatAsPim: true }, 'whole').findings);
        previous = incremental.analysis;
      }
    }),
    { numRuns: Math.ceil(RUNS / 3) },
  );
});

test('commented-out text and unclosed fences are cut nowhere: what they hide stays hidden in the editor too', () => {
  const cases = [
    '# Title\n\n<!--\n\n## Informed consent\n\nConsent is sought before any referral.\n\n-->\n',
    '# Title\n\n<pre>\n\n## Informed consent\n\n</pre>\n',
    '# Title\n\n<script>\n\n## Informed consent\n\n</script>\n',
    '# Title\n\n````\n\n## Informed consent\n\n```\n\n## Still code\n\n````\n',
    '# Title\n\n```\n\n## Informed consent\n\n    ```\n\n## Still code\n\n``` text\n',
    '# Title\n\n- item\n\n  ```\n  fenced in the item\n\n## A real heading\n\n```\n\n## code again\n',
    '---\ntitle: x\n\n# a YAML comment\n---\n\n# Title\n',
    // Found by the fuzz test: after indented code, "> 2) …" is a quoted paragraph, not a list with a heading.
    '\t```\n\n> 2) # informed consent\n',
    '# Title\n\n    code\n\n> -\n\n[^1]: 2) x\n',
  ];
  for (const text of cases) {
    const chunked = buildModel(text);
    assert.deepEqual(comparable(chunked), comparable(buildModel(text, 'whole')), JSON.stringify(text));
  }
  const commented = buildModel(cases[0] as string);
  assert.deepEqual(commented.sections.map((s) => s.title), ['', 'Title']);
});

test('a line that reads as a definition alone but heads a table defines nothing for the text before it', () => {
  // Found by the fuzz test: the probe of the cut before "[ref]: …" read as a definition, and "[ref]" above became a link.
  const cases = ['[ref] informed consent\n\n[ref]: https://example.org\n|---|\n', '| [ref] informed consent | informed consent |\n\n[ref]: https://example.org\n|---|\n', '[^1] informed consent\n\n[^1]: note\n|---|\n'];
  for (const text of cases) {
    assert.deepEqual(comparable(buildModel(text)), comparable(buildModel(text, 'whole')), JSON.stringify(text));
    assert.deepEqual(analyze(text, knowledge, { treatAsPim: true }).findings, analyze(text, knowledge, { treatAsPim: true }, 'whole').findings, JSON.stringify(text));
  }
});

test('front matter moved by an edit before it (a byte order mark removed) is read again, not lost', () => {
  // Found by the property test above: the model of the edited version had no front matter.
  const first = '\uFEFF---\ntitle: x\n\n# comment\n---\n';
  const previous = analyze(first, knowledge, { treatAsPim: true }).analysis;
  const text = first.slice(1);
  const incremental = analyze(text, knowledge, { treatAsPim: true }, previous);
  assert.deepEqual(comparable(incremental.analysis.model), comparable(buildModel(text)));
  assert.ok(incremental.analysis.model.frontMatter);
  assert.deepEqual(incremental.findings, analyze(text, knowledge, { treatAsPim: true }).findings);
});

test('an edit re-parses only the chunk it touched, and the one before it where it touched that one\'s probe', () => {
  const text = '# Title\n\nIntro.\n\n## A\n\nText a.\n\n## B\n\n> Quote b.\n';
  const before = buildModel(text);
  assert.equal(before.chunks.length, 6);
  const reusedAfter = (edited: string): boolean[] => {
    const after = buildModel(edited, before);
    assert.deepEqual(comparable(after), comparable(buildModel(edited, 'whole')));
    return after.chunks.map((chunk, i) => chunk.tree === before.chunks[i]?.tree);
  };
  // A line of text probes with its first letter: an edit after it leaves the chunk before alone.
  assert.deepEqual(reusedAfter(text.replace('Text a.', 'Text a, edited.')), [true, true, true, false, true, true]);
  assert.deepEqual(reusedAfter(text.replace('Text a.', 'Next a.')), [true, true, false, false, true, true]);
  // Any other line probes whole.
  assert.deepEqual(reusedAfter(text.replace('> Quote b.', '> Quote b, edited.')), [true, true, true, true, false, false]);
});

test('a long table is cut between rows, each chunk given its header: the model is the whole parse, and an edit re-parses one row\'s chunk', () => {
  const header = '| Risk | Owner |\n|:---|---:|\n';
  const rows = Array.from({ length: 200 }, (_, i) => `| Names of survivors kept in case ${i} | protection officer ${i} |\n`).join('');
  const text = `# Register\n\nThe risks and who owns them.\n${header}${rows}\nAfter the table.\n`;
  const before = buildModel(text);
  const insideTable = before.chunks.filter((chunk) => chunk.key.slice(0, chunk.offset).endsWith(header));
  assert.ok(insideTable.length > 10, `${insideTable.length} chunks start inside the table`);
  assert.deepEqual(comparable(before), comparable(buildModel(text, 'whole')));
  const edited = text.replace('case 150 |', 'case 150, edited |');
  const after = buildModel(edited, before);
  assert.deepEqual(comparable(after), comparable(buildModel(edited, 'whole')));
  const parsedAgain = after.chunks.filter((chunk) => !before.chunks.some((old) => old.tree === chunk.tree));
  assert.ok(parsedAgain.length >= 1 && parsedAgain.length <= 2, `${parsedAgain.length} chunks parsed again`);
});

test('a run of definitions is never cut into: each chunk is parsed once, none for a cut the parser would refuse', () => {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the handbook, with a note.[^${i}]\n\n`).join('');
  const notes = Array.from({ length: 40 }, (_, i) => `[^${i}]: See the guidance, chapter ${i}.\n\n[link${i}]: https://example.org/${i}\n\n`).join('');
  const text = `# Handbook\n\n${paragraphs}${notes}`;
  const steps = parseChunksInSteps(text);
  let parses = 0;
  let step = steps.next();
  while (!step.done) {
    const request = step.value;
    if (request) parses++;
    step = steps.next(request ? parseAnswer(request.parse) : undefined);
  }
  const { chunks } = step.value;
  // The first guess of the definitions is right here, so nothing is parsed a second time.
  assert.equal(parses, chunks.length);
  assert.ok(chunks.length > 10, `${chunks.length} chunks`);
  assert.deepEqual(comparable(buildModel(text)), comparable(buildModel(text, 'whole')));
});
