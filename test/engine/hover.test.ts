/** Hovers say where knowledge comes from: sources by title and link, our synthesis marked as such, French punctuation in French. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analysis, hoverAt, provenanceMarkdown } from '../../server/src/engine/index';
import { knowledge } from '../helpers/knowledge';
import { frenchTypographyProblems } from '../helpers/typography';

function hover(text: string, at: string): string {
  const offset = text.indexOf(at);
  assert.ok(offset >= 0, `"${at}" is not in the text`);
  const info = hoverAt(new Analysis(text, knowledge), offset + 1);
  assert.ok(info, `no hover on "${at}"`);
  return info.markdown;
}

const EN = '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\nWe seek informed consent and do no harm. Returnees and the protection risk.\n\n## Review of information sharing\n\nEvery year.\n';
const FR = '---\npim:\n  kind: report\n  lang: fr\n---\n# Rapport mensuel\n\nLe consentement éclairé est recueilli avant chaque entretien, selon le principe Ne pas nuire.\n';

/** Source ids as they appear in the knowledge base's `source` fields: hovers must name the source instead. */
const SOURCE_ID = /\b(S00\d|W-[A-Z0-9-]+|TEAM)\b/;
const withoutLinks = (markdown: string): string => markdown.replace(/\]\([^)]*\)/g, ']');

test('a term hover names its sources by title, with their links, and says they state it', () => {
  const markdown = hover(EN, 'informed consent');
  assert.match(markdown, /Sources: \[pim\.guide - PIM Principles \(2015 wording\)\]\(https:\/\/pim\.guide\/[^)]+\)/);
  assert.match(markdown, /\*Verified: the sources state it\.\*$/);
  assert.doesNotMatch(withoutLinks(markdown), SOURCE_ID);
});

test('what is our synthesis is marked as such: parts of a verified principle, a term of ours, a partly verified term', () => {
  const principle = hover(EN, 'do no harm');
  assert.match(principle, /Our synthesis: checklist and principles in action/);
  assert.match(principle, /\*Verified: the sources state it, apart from what is marked as our synthesis\.\*$/);
  assert.doesNotMatch(withoutLinks(principle), SOURCE_ID);
  const ours = hover(EN, 'Returnees');
  assert.doesNotMatch(ours, /Sources?: /);
  assert.match(ours, /\*Our synthesis, not stated as such in a PIM source; to be checked\.\*$/);
  const partly = hover(EN, 'protection risk');
  assert.match(partly, /Source: \[GPC - Protection information and analysis; Protection Analytical Framework \(PAF\)\]\(https:/);
  assert.match(partly, /\*Partly verified: the core is stated in the sources, the details are our synthesis\.\*$/);
});

test('a sub-step heading hover marks the activities that are our synthesis, and only those', () => {
  const markdown = hover(EN, 'Review of information sharing');
  const substep = knowledge.substeps.find((s) => s.id === 'review-information-sharing')!;
  for (const activity of substep.activities) {
    const line = markdown.split('\n').find((l) => l.includes(activity.names.en)) ?? '';
    assert.equal(line.endsWith('*(our synthesis)*'), activity.status === 'inferred', line);
  }
  assert.doesNotMatch(withoutLinks(markdown), SOURCE_ID);
});

test('the pim.kind hover gives the kind\'s sources and certainty instead of its source ids', () => {
  const markdown = hover(EN, 'referral-sop');
  assert.match(markdown, /Source: Third PIM Working Meeting Outcome Document, Copenhagen, 5-7 Sept 2016, Annex 2, Annex 3/);
  assert.match(markdown, /\*Our synthesis, not stated as such in a PIM source; to be checked\.\*$/);
  assert.doesNotMatch(withoutLinks(markdown), SOURCE_ID);
});

test('French hovers put a no-break space before the colon of every label our templates build', () => {
  const term = hover(FR, 'consentement éclairé');
  for (const label of ['Voir aussi', 'Autres langues', 'English', 'Sources', 'Vérifié']) assert.ok(term.includes(`${label}\u00a0: `), `${label} in\n${term}`);
  assert.deepEqual(frenchTypographyProblems(term), []);
  const principle = hover(FR, 'Ne pas nuire');
  assert.match(principle, /Un document l'aborde lorsqu'il précise\u00a0:\n/);
  assert.match(principle, /Notre synthèse\u00a0: checklist and principles in action/);
});

test('no item of the knowledge base is shown with a bare source id, in any language', () => {
  const leaks: string[] = [];
  for (const [ref, entry] of knowledge.byRef) {
    for (const lang of ['en', 'fr', 'es'] as const) {
      const markdown = provenanceMarkdown(knowledge, lang, entry.item.source, 'status' in entry.item ? entry.item.status : undefined);
      if (SOURCE_ID.test(withoutLinks(markdown))) leaks.push(`${ref} (${lang}): ${markdown.split('\n')[0]}`);
    }
  }
  assert.deepEqual(leaks, []);
});
