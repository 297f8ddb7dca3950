import type { Analysis } from '../analysis/analysis';
import { matchDocument } from '../analysis/chunk-matches';
import { textIn } from '../knowledge/lookup';
import type { Span } from '../types';
import { defineRule } from './define-rule';
import { firstAffirmedSentence, firstHit, isDeniedOrDeferred, mentions } from './signals';

/** The parts of a data-sharing arrangement this rule asks for: every requirement of data-sharing.json (seed S001, Annex 3). */
const SELF_GOVERNING: readonly string[] = ['data-sharing-agreement', 'information-sharing-protocol'];

export default defineRule({
  id: 'sharing-safeguards',
  description:
    'Principles in Action: data about individuals is shared (datasets, case details, not aggregated findings) without the terms of seed S001 Annex 3: specified use, purpose, time frame, a risk assessment of the sharing, agreed channels, a breach procedure, retention, recipients and the governing agreement; a term mentioned only to be denied ("no agreement is needed") or put off ("the purposes are determined by the controller") is not met.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  refs: ['principle:data-protection-and-security', 'substep:establish-information-sharing-networks'],
  source: 'S001 Annex 3, sec. 8',
  howToFix: 'For each sharing of data about individuals, state its purpose and use, the recipients, the time frame, the agreed channel and the agreement or protocol it falls under; a sharing-plan table (the `pim-sharing-plan` snippet) says it all in one place.',
  examples: {
    valid: [
      {
        text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nThe case data is shared with cluster partners (the list of recipients is in annex 1) for the purpose of planning the response, every month for the duration of the response, through an encrypted SFTP transfer, under the data sharing agreement signed by each partner. The data shall only be used for planning. A risk assessment of the sharing was done with the protection cluster. Any data breach is notified to the lead agency within 24 hours. The retention period is twelve months, after which partners delete the data.\n',
      },
      { text: "---\npim:\n  kind: information-sharing-protocol\n  lang: fr\n---\n# Protocole de partage de l'information\n\nLes données de cas sont partagées avec les partenaires du cluster (la liste des destinataires figure en annexe 1) aux fins de la planification de la réponse, chaque mois pendant la durée de la réponse, par transfert sécurisé SFTP, dans le cadre de l'accord de partage de données signé par chaque partenaire. Les données sont utilisées exclusivement pour la planification. Une évaluation des risques liés au partage a été menée avec le cluster protection. Toute violation de données est notifiée à l'agence chef de file dans les 24 heures. La durée de conservation est de douze mois, après quoi les partenaires suppriment les données.\n" },
      { text: '---\npim:\n  kind: information-sharing-protocol\n  lang: es\n---\n# Protocolo de intercambio de información\n\nLos datos de casos se comparten con los socios del clúster (la lista de destinatarios figura en el anexo 1) con el fin de planificar la respuesta, cada mes durante la vigencia de la respuesta, mediante transferencia segura por SFTP, en el marco del acuerdo de intercambio de datos firmado por cada socio. Los datos solo se utilizarán para la planificación. Con el clúster de protección se hizo una evaluación de riesgos del intercambio. Toda brecha de datos se notifica a la agencia líder en un plazo de 24 horas. El plazo de conservación es de doce meses; después, los socios eliminan los datos.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nThe data is shared with partners.\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n---\n# Report\n\nNo data sharing agreement is needed. The case data is shared with partners for the purpose of the response, every month, by encrypted e-mail, with the list of recipients in annex 1.\n', findings: 1 },
      { text: "---\npim:\n  kind: information-sharing-protocol\n  lang: fr\n---\n# Protocole de partage de l'information\n\nLes données sont partagées avec les partenaires.\n", findings: 1 },
      { text: "---\npim:\n  kind: report\n  lang: fr\n---\n# Rapport\n\nAucun accord de partage de données n'est nécessaire. Les données de cas sont partagées avec les partenaires aux fins de la réponse, chaque mois, par courriel chiffré, avec la liste des destinataires en annexe 1.\n", findings: 1 },
      { text: '---\npim:\n  kind: information-sharing-protocol\n  lang: es\n---\n# Protocolo de intercambio de información\n\nLos datos se comparten con los socios.\n', findings: 1 },
      { text: '---\npim:\n  kind: information-sharing-protocol\n---\n# Protocol\n\nThe case data is shared with cluster partners (the list of recipients is in annex 1) for the purpose of planning the response, every month for the duration of the response, through an encrypted SFTP transfer, under the data sharing agreement signed by each partner. The data shall only be used for planning. A risk assessment of the sharing was done with the protection cluster. Any data breach is notified to the lead agency within 24 hours. The retention period is to be defined by the lead agency.\n', findings: 1 },
      { text: "---\npim:\n  kind: information-sharing-protocol\n  lang: fr\n---\n# Protocole de partage de l'information\n\nLes données de cas sont partagées avec les partenaires du cluster (la liste des destinataires figure en annexe 1) aux fins de la planification de la réponse, chaque mois pendant la durée de la réponse, par transfert sécurisé SFTP, dans le cadre de l'accord de partage de données signé par chaque partenaire. Les données sont utilisées exclusivement pour la planification. Une évaluation des risques liés au partage a été menée avec le cluster protection. Toute violation de données est notifiée à l'agence chef de file dans les 24 heures. La durée de conservation sera définie par l'agence chef de file.\n", findings: 1 },
      { text: '---\npim:\n  kind: information-sharing-protocol\n  lang: es\n---\n# Protocolo de intercambio de información\n\nLos datos de casos se comparten con los socios del clúster (la lista de destinatarios figura en el anexo 1) con el fin de planificar la respuesta, cada mes durante la vigencia de la respuesta, mediante transferencia segura por SFTP, en el marco del acuerdo de intercambio de datos firmado por cada socio. Los datos solo se utilizarán para la planificación. Con el clúster de protección se hizo una evaluación de riesgos del intercambio. Toda brecha de datos se notifica a la agencia líder en un plazo de 24 horas. El plazo de conservación está por definir.\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Informe\n\nNo hace falta ningún acuerdo de intercambio de datos. Los datos de casos se comparten con los socios con el fin de apoyar la respuesta, cada mes, por correo cifrado, con la lista de destinatarios en el anexo 1.\n', findings: 1 },
    ],
  },
  check({ analysis, lang, report, message }) {
    const transfer = sharingOfIndividualData(analysis);
    if (!transfer) return;
    // An agreement or a protocol is itself the arrangement that governs the sharing it describes.
    const found = new Set<string>(analysis.kind && SELF_GOVERNING.includes(analysis.kind.id) ? ['governing-agreement'] : []);
    // Headings name topics ("Is an agreement needed?"); terms are stated in sentences that neither deny them nor put them off.
    for (const match of matchDocument(analysis.model, analysis.matchers.requirements)) {
      if (!found.has(match.payload) && analysis.block(match.block).kind !== 'heading' && !isDeniedOrDeferred(analysis, match.start)) found.add(match.payload);
    }
    const missing = analysis.knowledge.requirements.filter((r) => !found.has(r.id));
    if (missing.length === 0) return;
    report({
      span: transfer,
      message: message('sharing-safeguards', { missing: missing.map((r) => textIn(r.names, lang).toLowerCase()).join(', ') }),
      refs: [...missing.map((r) => `requirement:${r.id}`), 'principle:data-protection-and-security', 'substep:establish-information-sharing-networks'],
    });
  },
});

/**
 * Where the document passes on data about individuals: a sentence that shares datasets or
 * personal data (aggregated findings are dissemination), or, in a document that refers cases or
 * shares information, its first piece of personal data. Advice on sharing is held to the same
 * terms: a guide that says no agreement is needed is wrong in the same way as a protocol.
 */
function sharingOfIndividualData(analysis: Analysis): Span | undefined {
  // A document of no kind, or a guide, is held to sharing terms only where sharing is what it is about.
  const aboutSharing = ['disseminate-and-share', 'establish-information-sharing-networks'].some((id) => analysis.coverage.substeps[id]?.status === 'addressed');
  if ((!analysis.kind || analysis.isGuidance) && !aboutSharing) return undefined;
  const sentence = firstAffirmedSentence(analysis, 'data-sharing', { with: [['raw-data', 'personal-data', 'data-objects']], without: ['aggregated-data'], bodyOnly: true });
  if (sentence) return sentence;
  const personal = firstHit(analysis, 'personal-data');
  const shares = firstAffirmedSentence(analysis, 'data-sharing', { bodyOnly: true }) !== undefined || mentions(analysis, 'referral');
  return personal && shares ? personal.span : undefined;
}
