import { sectionRef } from '../knowledge/load';
import { textIn } from '../knowledge/lookup';
import { defineRule } from './define-rule';
import { insertSectionEdit } from './skeleton';

export default defineRule({
  id: 'required-section',
  description: 'A section that the document kind requires is missing, under any heading and in any form (an error once the document is final); guides to a kind are not asked for its sections.',
  defaultSeverity: 'warning',
  finalSeverity: 'error',
  missingItem: true,
  scope: 'document',
  usesKind: true,
  refs: [],
  source: 'S001 Annex 2; TEAM',
  howToFix: "Add the missing section under a heading that names it, or write its content anywhere in the document; the quick fix inserts the section's skeleton where it belongs, and completion after `#` offers every section the kind still lacks.",
  examples: {
    valid: [
      {
        text: '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Purpose\n\nWhy.\n\n## Service mapping\n\nWho.\n\n## Informed consent\n\nConsent.\n\n## Referral pathway\n\nHow.\n\n## Follow-up and feedback\n\nFollow-up.\n',
      },
      // The heading is there with nothing under it: empty-section reports it at the heading, once.
      {
        text: '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Purpose\n\nWhy.\n\n## Service mapping\n\nWho.\n\n## Consent for referral\n\n## Referral pathway\n\nHow.\n\n## Follow-up and feedback\n\nFollow-up.\n',
      },
      { text: "---\npim:\n  kind: referral-sop\n  lang: fr\n---\n# POS de référencement\n\n## Objet\n\nCette procédure fixe la manière dont le personnel de protection oriente une personne vers les services dont elle a besoin.\n\n## Cartographie des services\n\nLa cartographie des services, avec le point focal de chaque prestataire, est tenue à jour par le groupe de travail protection.\n\n## Consentement éclairé\n\nAucun référencement n'est fait sans le consentement éclairé de la personne, recueilli oralement et noté sur la fiche.\n\n## Circuit de référencement\n\nÉtape 1 : le gestionnaire de cas remplit la fiche de référencement avec la personne. Étape 2 : il appelle le point focal du service choisi et lui transmet la fiche par la plateforme chiffrée.\n\n## Suivi et retour d'information\n\nLe gestionnaire de cas vérifie dans les sept jours que la personne a été reçue, et note le résultat dans le dossier.\n" },
      { text: '---\npim:\n  kind: referral-sop\n  lang: es\n---\n# POE de derivación\n\n## Propósito\n\nEste procedimiento establece cómo el personal de protección conecta a cada persona con los servicios que necesita.\n\n## Mapeo de servicios\n\nEl grupo de trabajo de protección mantiene actualizado el mapeo de servicios, con el punto focal de cada proveedor.\n\n## Consentimiento informado\n\nNinguna derivación se hace sin el consentimiento informado de la persona, que se pide de forma verbal y se anota en la ficha.\n\n## Ruta de derivación\n\nPaso 1: la gestora de casos llena la ficha de derivación junto con la persona. Paso 2: llama al punto focal del servicio elegido y le envía la ficha por la plataforma cifrada.\n\n## Seguimiento y retroalimentación\n\nEn un plazo de siete días, la gestora de casos comprueba que la persona fue atendida y anota el resultado en el expediente.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: referral-sop\n---\n# Referral SOP\n\n## Purpose\n\nWhy we refer.\n\n## Service mapping\n\nWho.\n\n## Informed consent\n\nConsent.\n\n## Follow-up and feedback\n\nFollow-up.\n', findings: 1 },
      { text: "---\npim:\n  kind: referral-sop\n  lang: fr\n---\n# POS de référencement\n\n## Objet\n\nCette procédure fixe la manière dont le personnel de protection oriente une personne vers les services dont elle a besoin.\n\n## Cartographie des services\n\nLa cartographie des services, avec le point focal de chaque prestataire, est tenue à jour par le groupe de travail protection.\n\n## Consentement éclairé\n\nAucun référencement n'est fait sans le consentement éclairé de la personne, recueilli oralement et noté sur la fiche.\n\n## Suivi et retour d'information\n\nLe gestionnaire de cas vérifie dans les sept jours que la personne a été reçue, et note le résultat dans le dossier.\n", findings: 1 },
      { text: '---\npim:\n  kind: referral-sop\n  lang: es\n---\n# POE de derivación\n\n## Propósito\n\nEste procedimiento establece cómo el personal de protección conecta a cada persona con los servicios que necesita.\n\n## Mapeo de servicios\n\nEl grupo de trabajo de protección mantiene actualizado el mapeo de servicios, con el punto focal de cada proveedor.\n\n## Consentimiento informado\n\nNinguna derivación se hace sin el consentimiento informado de la persona, que se pide de forma verbal y se anota en la ficha.\n\n## Seguimiento y retroalimentación\n\nEn un plazo de siete días, la gestora de casos comprueba que la persona fue atendida y anota el resultado en el expediente.\n', findings: 1 },
    ],
  },
  check({ analysis, lang, anchor, report, message }) {
    const kind = analysis.kind;
    if (!kind) return;
    for (const section of analysis.missingSections) {
      // Its heading is there with nothing under it: empty-section says so at the heading, and a
      // skeleton inserted here would give the document the heading twice.
      if (analysis.emptyHeadedSections.has(section.id)) continue;
      const name = textIn(section.names, lang);
      const edit = insertSectionEdit(kind, section, analysis);
      report({
        span: anchor,
        message: message('required-section', { section: name, kind: textIn(kind.names, lang) }),
        refs: [`kind:${kind.id}`, sectionRef(kind, section), ...section.substeps.map((id) => `substep:${id}`), ...section.principles.map((id) => `principle:${id}`)],
        related: [{ span: { start: edit.start, end: edit.start }, message: message('required-section.where', { section: name }) }],
        fix: { title: message('fix.insert-section', { section: name }), edits: [edit], safe: true },
      });
    }
  },
});
