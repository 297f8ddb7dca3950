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
      { text: "---\npim:\n  kind: referral-sop\n  lang: fr\n---\n# POS de référencement\n\n## Ne pas nuire\n\nAvant tout référencement, le gestionnaire de cas évalue avec la survivante les risques qu'elle court et convient avec elle des mesures d'atténuation ; l'évaluation des risques est refaite dès que la situation change.\n\n## Consentement éclairé et confidentialité\n\nAucun référencement n'est fait sans le consentement éclairé de la personne, consigné sur le formulaire de consentement ; les informations restent confidentielles et ne sont transmises qu'aux personnes qui ont besoin d'en connaître.\n\n## Protection et sécurité des données\n\nLes fiches de référencement sont chiffrées, rangées dans une armoire fermée à clé ou dans un dossier protégé par mot de passe, et l'accès est réservé aux points focaux nommés dans cette procédure.\n\n## Coordination\n\nLa cartographie des services est mise à jour chaque trimestre avec tous les partenaires au sein du groupe de travail protection, afin que la coordination entre prestataires évite les doublons.\n\n## Centré sur les personnes et inclusif\n\nLes survivantes choisissent les services vers lesquels elles sont orientées. La cartographie des services indique quels services sont accessibles aux femmes, aux enfants, aux personnes âgées et aux personnes handicapées, et dans quelles langues, afin que le référencement tienne compte de l'âge, du genre et de la diversité de chacun.\n" },
      { text: '---\npim:\n  kind: referral-sop\n  lang: es\n---\n# POE de derivación\n\n## Acción sin daño\n\nAntes de cualquier derivación, la gestora de casos evalúa con la sobreviviente los riesgos a los que se expone y acuerda con ella medidas de mitigación; la evaluación de riesgos se repite cuando cambian las circunstancias.\n\n## Consentimiento informado y confidencialidad\n\nNinguna derivación se hace sin el consentimiento informado de la persona, registrado en el formulario de consentimiento; la información es confidencial y solo se comparte con quien necesita conocerla.\n\n## Protección y seguridad de los datos\n\nLas fichas de derivación se cifran y se guardan en un archivador con llave o en una carpeta protegida con contraseña; solo tienen acceso los puntos focales nombrados en este procedimiento.\n\n## Coordinación\n\nEl mapeo de servicios se actualiza cada trimestre con todos los socios en el grupo de trabajo de protección, para que la coordinación entre proveedores de servicios evite duplicaciones.\n\n## Centrado en las personas e inclusivo\n\nLas sobrevivientes eligen los servicios a los que se las deriva. El mapeo de servicios indica qué servicios son accesibles para mujeres, niñas y niños, personas mayores y personas con discapacidad, y en qué idiomas, para que la derivación se adapte a la edad, el género y la diversidad de cada persona.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Referral pathway\n\nCall the focal point.\n' },
      { text: '---\npim:\n  kind: referral-sop\n  lang: fr\n---\n# POS de référencement\n\n## Circuit de référencement\n\nAppeler le point focal.\n' },
      { text: '---\npim:\n  kind: referral-sop\n  lang: es\n---\n# POE de derivación\n\n## Ruta de derivación\n\nLlamar al punto focal.\n' },
    ],
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
