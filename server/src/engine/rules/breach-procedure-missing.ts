import { defineRule } from './define-rule';
import { firstAffirmedSentence, firstHit, missingSectionAbout } from './signals';

export default defineRule({
  id: 'breach-procedure-missing',
  description: 'Principles in Action: the document keeps and protects personal data but says nothing of what happens when it is lost, stolen or wrongly disclosed.',
  defaultSeverity: 'warning',
  missingItem: true,
  scope: 'document',
  refs: ['principle:data-protection-and-security', 'substep:store-and-maintain'],
  source: 'S001 Annex 3; W-ICRC-HB; TEAM',
  howToFix: 'Add the steps taken when data is lost, stolen or wrongly disclosed: who is told and how fast, how use of the data stops, and who informs the people concerned.',
  examples: {
    valid: [
      { text: '---\npim:\n  kind: report\n---\n# Security protocol\n\n## Storage\n\nPersonal data is stored on the encrypted server; only the data manager has access, with a password and two-factor authentication. Backups are encrypted.\n\n## Devices\n\nTablets are encrypted and locked with a password; personal data must never be kept on personal devices.\n\n## Incidents\n\nA lost or stolen tablet is reported to the data protection officer within 24 hours.\n' },
      { text: "---\npim:\n  kind: report\n  lang: fr\n---\n# Protocole de sécurité des données\n\n## Stockage\n\nLes données personnelles sont stockées sur le serveur chiffré ; seul le gestionnaire des données y a accès, avec un mot de passe et une authentification à deux facteurs. Les sauvegardes sont chiffrées.\n\n## Appareils\n\nLes tablettes sont chiffrées et verrouillées par un mot de passe ; les données personnelles ne doivent jamais être conservées sur des appareils personnels.\n\n## Incidents\n\nEn cas de perte ou de vol d'une tablette, l'enquêteur prévient le délégué à la protection des données dans les 24 heures.\n" },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Protocolo de seguridad de la información\n\n## Almacenamiento\n\nLos datos personales se almacenan en el servidor cifrado; solo el responsable de datos tiene acceso, con contraseña y autenticación de dos factores. Las copias de seguridad están cifradas.\n\n## Dispositivos\n\nLas tabletas están cifradas y bloqueadas con contraseña; los datos personales nunca se guardan en dispositivos personales.\n\n## Incidentes\n\nEn caso de pérdida o robo de una tableta, el encuestador avisa al delegado de protección de datos en un plazo de 24 horas.\n' },
    ],
    invalid: [
      {
        text: '---\npim:\n  kind: report\n---\n# Security protocol\n\n## Storage\n\nPersonal data is stored on the encrypted server; only the data manager has access, with a password and two-factor authentication. Backups are encrypted.\n\n## Devices\n\nTablets are encrypted and locked with a password; personal data must never be kept on personal devices.\n',
        findings: 1,
      },
      { text: '---\npim:\n  kind: report\n  lang: fr\n---\n# Protocole de sécurité des données\n\n## Stockage\n\nLes données personnelles sont stockées sur le serveur chiffré ; seul le gestionnaire des données y a accès, avec un mot de passe et une authentification à deux facteurs. Les sauvegardes sont chiffrées.\n\n## Appareils\n\nLes tablettes sont chiffrées et verrouillées par un mot de passe ; les données personnelles ne doivent jamais être conservées sur des appareils personnels.\n', findings: 1 },
      { text: '---\npim:\n  kind: report\n  lang: es\n---\n# Protocolo de seguridad de la información\n\n## Almacenamiento\n\nLos datos personales se almacenan en el servidor cifrado; solo el responsable de datos tiene acceso, con contraseña y autenticación de dos factores. Las copias de seguridad están cifradas.\n\n## Dispositivos\n\nLas tabletas están cifradas y bloqueadas con contraseña; los datos personales nunca se guardan en dispositivos personales.\n', findings: 1 },
    ],
  },
  check({ analysis, anchor, report, message }) {
    // A breach named with nothing done about it ("avoid costly data breaches") is no procedure.
    const procedure = firstAffirmedSentence(analysis, 'breach-response', { with: [['breach-actions', 'obligation']], bodyOnly: true }) !== undefined;
    // Where the kind requires a breach section, a missing one is reported as that section.
    if (analysis.isGuidance || procedure || missingSectionAbout(analysis, 'breach-response')) return;
    const protects = analysis.coverage.principles['data-protection-and-security']?.status === 'addressed';
    const keeps = firstHit(analysis, 'storage') !== undefined && firstHit(analysis, 'personal-data') !== undefined;
    if (protects && keeps) report({ span: anchor, message: message('breach-procedure-missing') });
  },
});
