import { defineRule } from './define-rule';
import { affirmedSentences } from './signals';

export default defineRule({
  id: 'unsafe-password-practice',
  description: 'Principles in Action: the document recommends a password practice that defeats the password: one password reused or shared, passwords written down.',
  defaultSeverity: 'warning',
  missingItem: false,
  scope: 'text',
  refs: ['principle:data-protection-and-security'],
  source: 'W-PRIN15; S001 Annex 3; TEAM',
  howToFix: 'Give each person their own password, unique to each system and kept in a password manager, and say who grants and removes access.',
  examples: {
    valid: [
      { text: '---\npim:\n  kind: data-management-plan\n---\n# Plan\n\nNever share passwords; each enumerator has an account of their own.\n' },
      { text: '---\npim:\n  kind: data-management-plan\n  lang: fr\n---\n# Plan\n\nNe jamais partager les mots de passe ; chaque enquêteur dispose de son propre compte.\n' },
      { text: '---\npim:\n  kind: data-management-plan\n  lang: es\n---\n# Plan\n\nNunca se deben compartir las contraseñas; cada encuestador tiene su propia cuenta.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: data-management-plan\n---\n# Plan\n\nUse the same password for all tablets of the team.\n', findings: 1 },
      { text: "---\npim:\n  kind: data-management-plan\n  lang: fr\n---\n# Plan\n\nToutes les tablettes de l'équipe utilisent le même mot de passe, communiqué aux enquêteurs le premier jour.\n", findings: 1 },
      { text: '---\npim:\n  kind: data-management-plan\n  lang: es\n---\n# Plan\n\nPara facilitar el trabajo de campo, todas las tabletas del equipo usan la misma contraseña.\n', findings: 1 },
    ],
  },
  check({ analysis, report, message }) {
    const hits = analysis.signalHits('password-misuse');
    for (const sentence of affirmedSentences(analysis, 'password-misuse', { bodyOnly: true })) {
      const hit = hits.find((h) => h.span.start >= sentence.start && h.span.end <= sentence.end);
      report({ span: sentence, message: message('unsafe-password-practice', { phrase: hit ? analysis.text.slice(hit.span.start, hit.span.end) : '' }) });
    }
  },
});
