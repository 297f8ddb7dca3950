import type { Analysis } from '../analysis/analysis';
import { textIn } from '../knowledge/lookup';
import type { Lang, Principle } from '../knowledge/types';
import type { Section } from '../model/build-model';
import type { Edit } from '../types';
import { defineRule } from './define-rule';
import { insertAt } from './skeleton';

export default defineRule({
  id: 'principle-unaddressed',
  description: 'A PIM Principle the document kind must cover is not addressed (warning) or only mentioned in passing (information); for a document of no kind these are information and hints; not repeated where a missing required section stands for it.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  usesKind: true,
  refs: [],
  source: 'S002; W-PRIN15; TEAM',
  howToFix: "Say how the document applies the principle, in a section of its own or where it matters (hover the principle's name for what a document should state); the quick fix adds a placeholder paragraph to fill in.",
  examples: {
    valid: [
      {
        text: '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Do no harm\n\nBefore any referral the caseworker assesses the risks for the survivor and agrees mitigation measures with them; a risk assessment is repeated when circumstances change.\n\n## Informed consent and confidentiality\n\nNo referral is made without the informed consent of the person, recorded on the consent form; information stays confidential and is shared on a need-to-know basis only.\n\n## Data protection and security\n\nReferral forms are encrypted, stored in a locked cabinet or a password-protected folder, and access is restricted to the focal points named in this SOP.\n\n## Coordination\n\nThe service mapping is updated with all partners every quarter through the protection working group, so that coordination between service providers avoids duplication.\n\n## People-centred and inclusive\n\nSurvivors choose the services they are referred to. The service mapping records which services are accessible to women, children, older persons and persons with disabilities, and in which languages, so that the referral fits each person\'s age, gender and diversity.\n',
      },
    ],
    invalid: [{ text: '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Referral pathway\n\nCall the focal point.\n' }],
  },
  check({ analysis, lang, anchor, report, message }) {
    for (const principle of analysis.expectedPrinciples) {
      const item = analysis.coverage.principles[principle.id];
      if (!item || item.status === 'addressed' || analysis.coveredByMissingSection(`principle:${principle.id}`)) continue;
      const name = textIn(principle.names, lang);
      const hint = hintFor(analysis, principle, lang);
      const missing = item.status === 'missing';
      const edit = placeholderEdit(analysis, principle, message('skeleton.principle', { principle: name, hint }));
      report({
        span: anchor,
        // Only a kind says which principles a document must cover; without one the checks are advice.
        severity: analysis.kind ? (missing ? 'warning' : 'info') : missing ? 'info' : 'hint',
        message: message(missing ? 'principle-unaddressed.missing' : 'principle-unaddressed.weak', { principle: name, hint }),
        refs: [`principle:${principle.id}`],
        related: [
          ...item.evidence.slice(0, 3).map((e) => ({ span: e.span, message: message('evidence.mention', { item: name }) })),
          { span: { start: edit.start, end: edit.start }, message: message('principle-unaddressed.where', { principle: name }) },
        ],
        fix: { title: message('fix.principle-placeholder', { principle: name }), edits: [edit], safe: false },
      });
    }
  },
});

/**
 * What to write, in the document's terms: the principle's question for the step the kind is mostly
 * about (Principles in Action), else the first point of its checklist.
 */
function hintFor(analysis: Analysis, principle: Principle, lang: Lang): string {
  const step = analysis.kind ? mainStep(analysis, analysis.kind.substeps) : undefined;
  const question = step ? principle.inAction[step] : undefined;
  if (question) return textIn(question, lang);
  return principle.checklist[0] ? lowerFirst(textIn(principle.checklist[0], lang)) : '';
}

/** The step with most of the kind's sub-steps; the earliest wins a tie. */
function mainStep(analysis: Analysis, substeps: readonly string[]): string | undefined {
  let best: { id: string; count: number } | undefined;
  for (const step of analysis.knowledge.steps) {
    const count = step.substeps.filter((s) => substeps.includes(s.id)).length;
    if (count > 0 && (!best || count > best.count)) best = { id: step.id, count };
  }
  return best?.id;
}

/** At the end of the first section the document kind maps to the principle, else at the end of the document. */
function placeholderEdit(analysis: Analysis, principle: Principle, text: string): Edit {
  const home = analysis.kind?.sections
    .filter((s) => s.principles.includes(principle.id))
    .map((s) => analysis.sectionsFound.get(s.id)?.[0])
    .find((s): s is Section => s !== undefined);
  return insertAt(analysis.text, home ? home.body.end : analysis.text.length, `${text}\n`);
}

function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1]?.toLowerCase() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
