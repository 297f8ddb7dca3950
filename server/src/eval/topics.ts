/**
 * The one place that says which findings speak to which topic of a findings-truth table
 * (`consent`, `sharing-terms:purpose`, `section:breach`, `principle:do-no-harm`, `other:broken-link`…).
 * The evaluator asks `findingTopics` of every finding and compares with the expert's rows.
 */
import { matchersFor } from '../engine/analysis/matchers';
import type { Finding, Knowledge } from '../engine/index';
import { allPhrases, namesOf } from '../engine/knowledge/lookup';
import { tokenize } from '../engine/text/normalize';

/** Rule id -> the topic its findings are about, for rules with one topic. */
const RULE_TOPICS: Readonly<Record<string, string>> = {
  'consent-missing': 'consent',
  'retention-missing': 'retention',
  'unsafe-channel': 'channel',
  'raw-data-to-non-protection-actors': 'raw-data-outside-protection',
  'referral-missing': 'referral',
  'risk-assessment-missing': 'risk-assessment',
  'personal-data-in-document': 'personal-data',
  'publication-without-disclosure-control': 'publication',
  'duplicated-text': 'other:duplicated-content',
  'unsafe-password-practice': 'other:password-reuse',
  'organisation-centred-risk': 'other:organisation-centred-risks',
  'breach-procedure-missing': 'section:breach',
  'broken-link': 'other:broken-link',
  'restricted-link': 'other:restricted-link',
  'outdated-law': 'other:outdated-legal-framework',
};

/** Data-sharing requirement id (data-sharing.json) -> the sharing term a reviewer names. */
const SHARING_TERMS: Readonly<Record<string, string>> = {
  'specified-use': 'permitted-use',
  purpose: 'purpose',
  recipients: 'recipients',
  'time-frame': 'time-frame',
  'impact-assessment': 'impact-assessment',
  'agreed-channels': 'channels',
  'breach-procedure': 'breach',
  'governing-agreement': 'agreement',
  'onward-sharing': 'onward-sharing',
};

/**
 * Section id of a document kind -> the name a reviewer gives that part (`section:<name>`), where
 * the two differ. Otherwise the section id is the name, or starts with it (`purpose-and-scope`).
 */
const SECTION_NAMES: Readonly<Record<string, string>> = {
  'breach-notification': 'breach',
  'incident-management': 'breach',
  'breach-and-incidents': 'breach',
  'processing-description': 'data-description',
  'data-inventory': 'data-description',
  'retention-and-disposal': 'retention',
  'security-measures': 'security',
  'data-protection': 'security',
  'data-security': 'security',
  'roles-and-responsibilities': 'roles',
  'roles-and-access': 'roles',
  'roles-and-training': 'roles',
  'roles-and-capacity': 'roles',
  'recommendations-and-sign-off': 'sign-off',
  signatures: 'sign-off',
  'informed-consent': 'consent',
  'referral-consent': 'consent',
  'purpose-and-scope': 'purpose',
  'methods-and-tools': 'methodology',
  'risk-identification': 'risk-assessment',
};

/**
 * Lexicon signal -> the topic of the rule that looks for it. A missing required section whose
 * headings are about that signal ("Informed consent", "Data retention") stands for that rule's
 * finding, which the engine then leaves out: one gap is reported once.
 */
const SIGNAL_TOPICS: Readonly<Record<string, string>> = {
  consent: 'consent',
  retention: 'retention',
  'risk-assessment': 'risk-assessment',
  'breach-response': 'section:breach',
};

/** The topics one finding speaks to (usually one; none for findings no reviewer topic covers). */
export function findingTopics(finding: Finding, knowledge: Knowledge): string[] {
  const topics: string[] = [];
  const single = RULE_TOPICS[finding.ruleId];
  if (single) topics.push(single);
  for (const ref of finding.refs) {
    const [kind, id = ''] = splitRef(ref);
    if (finding.ruleId === 'sharing-safeguards' && kind === 'requirement' && SHARING_TERMS[id]) topics.push(`sharing-terms:${SHARING_TERMS[id]}`);
    if (finding.ruleId === 'required-section' && kind === 'section') topics.push(...sectionTopics(id.split('/')[1] ?? ''), ...signalTopicsOf(ref, knowledge));
    if (finding.ruleId === 'principle-unaddressed' && kind === 'principle') topics.push(`principle:${id}`);
  }
  // An unaddressed Do no harm, or a missing section that stands for it, is the missing risk assessment a reviewer names.
  if ((finding.ruleId === 'principle-unaddressed' || finding.ruleId === 'required-section') && finding.refs.includes('principle:do-no-harm')) topics.push('risk-assessment');
  if (finding.ruleId === 'empty-section') topics.push('placeholder');
  return [...new Set(topics)];
}

/** The rule topics a section's headings are about, in any language. */
function signalTopicsOf(ref: string, knowledge: Knowledge): string[] {
  const entry = knowledge.byRef.get(ref);
  if (entry?.kind !== 'section') return [];
  const signals = matchersFor(knowledge, 'en').signals;
  const headings = [...namesOf(entry.item.names), ...allPhrases(entry.item.headings)];
  return headings.flatMap((h) => signals.findAll(tokenize(h)).flatMap((m) => (SIGNAL_TOPICS[m.payload] ? [SIGNAL_TOPICS[m.payload] as string] : [])));
}

export function sectionTopics(sectionId: string): string[] {
  const named = SECTION_NAMES[sectionId];
  const topics = [`section:${sectionId}`];
  if (named) topics.push(`section:${named}`);
  // `purpose-and-scope` answers `section:purpose`, `legal-basis-and-framework` answers `section:legal-basis`.
  const head = sectionId.split('-and-')[0];
  if (head && head !== sectionId) topics.push(`section:${head}`);
  return topics;
}

function splitRef(ref: string): [string, string] {
  const at = ref.indexOf(':');
  return at === -1 ? [ref, ''] : [ref.slice(0, at), ref.slice(at + 1)];
}
