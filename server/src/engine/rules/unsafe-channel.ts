import { defineRule } from './define-rule';
import type { Analysis } from '../analysis/analysis';
import type { Span } from '../types';
import { affirmedSentences, firstAffirmedSentence } from './signals';

/** The document affirms that raw or personal data about people is sent or shared somewhere. */
function sendsIndividualData(analysis: Analysis): boolean {
  return ['raw-data', 'personal-data'].some((signal) => firstAffirmedSentence(analysis, signal, { with: [['transmission', 'data-sharing']], bodyOnly: true }) !== undefined);
}

export default defineRule({
  id: 'unsafe-channel',
  description: 'Principles in Action: sensitive data travels over personal messaging apps or unencrypted e-mail, or people are put in a group chat that shows their numbers to each other (an error once the document is final).',
  defaultSeverity: 'warning',
  // A final document that sends data about people over such a channel is stopped, not warned about.
  finalSeverity: 'error',
  missingItem: false,
  scope: 'text',
  refs: ['principle:data-protection-and-security', 'requirement:agreed-channels', 'substep:disseminate-and-share'],
  source: 'S001 Annex 3; TEAM',
  howToFix: "Name the agreed, encrypted channel through which the data travels instead of a personal messaging app or plain e-mail; to reach groups, use broadcast lists or tools that hide members' numbers.",
  examples: {
    valid: [
      { text: '---\npim:\n  kind: protection-monitoring-sop\n---\n# SOP\n\nNever send case lists by WhatsApp; use the encrypted platform.\n' },
      { text: '---\npim:\n  kind: data-sharing-agreement\n---\n# Agreement\n\nThe household-level data is sent by e-mail as an encrypted, password-protected file.\n' },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: fr\n---\n# POS\n\nNe jamais transmettre les données personnelles sur une clé USB.\n' },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: es\n---\n# POE\n\nNunca se envían listas de casos por WhatsApp; se usa la plataforma cifrada de la organización.\n' },
      { text: '---\npim:\n  kind: data-sharing-agreement\n  lang: es\n---\n# Acuerdo\n\nLos datos a nivel de hogar se envían por correo electrónico en un archivo cifrado y protegido con contraseña.\n' },
      { text: '---\npim:\n  kind: data-sharing-agreement\n---\n# Agreement\n\n## Data shared\n\nHousehold-level records are shared with the partner each month.\n\n## Channels\n\nThe records are sent by e-mail, in an encrypted archive.\n' },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n---\n# SOP\n\n## Outputs\n\nOnly aggregated figures are shared.\n\n## Channels\n\nThe monthly report is sent by e-mail to the cluster.\n' },
    ],
    invalid: [
      { text: '---\npim:\n  kind: protection-monitoring-sop\n---\n# SOP\n\nMonitors send the completed forms with personal data to the coordinator by WhatsApp.\n', findings: 1 },
      { text: '---\npim:\n  kind: data-sharing-agreement\n---\n# Agreement\n\nThe household-level data of protection incidents is sent to the cash partner by e-mail every week.\n', findings: 1 },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: fr\n---\n# POS\n\nLes fiches avec les données personnelles sont transmises au coordinateur sur une clé USB.\n', findings: 1 },
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: es\n---\n# POE\n\nLos formularios con datos personales se envían al coordinador por WhatsApp.\n', findings: 1 },
      { text: '---\npim:\n  kind: none\n  lang: fr\n---\n# Équipe\n\nCréer un groupe WhatsApp avec les participants pour communiquer rapidement.\n', findings: 1 },
      // "ne … que" restricts, it does not deny: only by WhatsApp is still by WhatsApp.
      { text: '---\npim:\n  kind: protection-monitoring-sop\n  lang: fr\n---\n# POS\n\nLes fiches avec les données personnelles ne sont transmises au coordinateur que par WhatsApp.\n', findings: 1 },
      { text: '---\npim:\n  kind: data-sharing-agreement\n  lang: es\n---\n# Acuerdo\n\nLos datos de hogares sobre incidentes de protección se envían al socio de transferencias monetarias por correo electrónico cada semana.\n', findings: 1 },
      // What is shared in one section, how in another.
      { text: '---\npim:\n  kind: data-sharing-agreement\n---\n# Agreement\n\n## Data shared\n\nHousehold-level protection incident records are shared with the partner each month.\n\n## Channels\n\nThe records are sent by e-mail to the programme officer.\n', findings: 1 },
      { text: '---\npim:\n  kind: data-sharing-agreement\n  lang: fr\n---\n# Accord\n\n## Données partagées\n\nLes données personnelles des ménages sont transmises au partenaire chaque mois.\n\n## Canaux\n\nLes fiches sont envoyées par e-mail au chargé de programme.\n', findings: 1 },
      { text: '---\npim:\n  kind: data-sharing-agreement\n  lang: es\n---\n# Acuerdo\n\n## Datos compartidos\n\nLos datos personales de los hogares se comparten con el socio cada mes.\n\n## Canales\n\nLos registros se envían por correo electrónico al oficial del programa.\n', findings: 1 },
    ],
  },
  check({ analysis, report, message }) {
    // One finding per sentence: the first reason found for it is the one given.
    const reported = new Set<string>();
    const reportOnce = (sentences: readonly Span[], messageId: string): void => {
      for (const sentence of sentences) {
        const key = `${sentence.start}:${sentence.end}`;
        if (reported.has(key)) continue;
        reported.add(key);
        report({ span: sentence, message: message(messageId) });
      }
    };
    reportOnce(affirmedSentences(analysis, 'unsafe-channels', { with: [['transmission', 'data-sharing'], ['data-objects', 'raw-data', 'personal-data']] }), 'unsafe-channel');
    // Plain e-mail is unsafe for data about individuals, unless the file itself is protected.
    reportOnce(affirmedSentences(analysis, 'email-channels', { with: [['raw-data', 'personal-data']], without: ['encryption'], bodyOnly: true }), 'unsafe-channel.email');
    // An agreement often says what is shared in one section and how in another: "the records are
    // sent by e-mail" then carries the individual data named elsewhere, unless files are protected.
    if (sendsIndividualData(analysis) && analysis.signalHits('encryption').length === 0) {
      reportOnce(affirmedSentences(analysis, 'email-channels', { with: [['data-objects']], bodyOnly: true }), 'unsafe-channel.email');
    }
    // A group chat shows every member's number to every other member, whatever is sent in it.
    reportOnce(affirmedSentences(analysis, 'group-chats', { bodyOnly: true }), 'unsafe-channel.group');
  },
});
