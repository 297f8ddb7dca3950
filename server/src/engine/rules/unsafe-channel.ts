import { defineRule } from './define-rule';
import { affirmedSentences } from './signals';

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
    ],
  },
  check({ analysis, report, message }) {
    const reported = new Set<string>();
    for (const sentence of affirmedSentences(analysis, 'unsafe-channels', { with: [['transmission', 'data-sharing'], ['data-objects', 'raw-data', 'personal-data']] })) {
      reported.add(`${sentence.start}:${sentence.end}`);
      report({ span: sentence, message: message('unsafe-channel') });
    }
    // Plain e-mail is unsafe for data about individuals, unless the file itself is protected.
    for (const sentence of affirmedSentences(analysis, 'email-channels', { with: [['raw-data', 'personal-data']], without: ['encryption'], bodyOnly: true })) {
      const key = `${sentence.start}:${sentence.end}`;
      if (reported.has(key)) continue;
      reported.add(key);
      report({ span: sentence, message: message('unsafe-channel.email') });
    }
    // A group chat shows every member's number to every other member, whatever is sent in it.
    for (const sentence of affirmedSentences(analysis, 'group-chats', { bodyOnly: true })) {
      if (!reported.has(`${sentence.start}:${sentence.end}`)) report({ span: sentence, message: message('unsafe-channel.group') });
    }
  },
});
