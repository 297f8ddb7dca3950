/** The rule registry. Order is documentation order: structure first, then coverage, then Principles in Action. */
import type { Rule } from './define-rule';
import unknownKind from './unknown-kind';
import frontMatter from './front-matter';
import kindInferred from './kind-inferred';
import requiredSection from './required-section';
import emptySection from './empty-section';
import processStepMissing from './process-step-missing';
import principleUnaddressed from './principle-unaddressed';
import consentMissing from './consent-missing';
import retentionMissing from './retention-missing';
import sharingSafeguards from './sharing-safeguards';
import rawDataToNonProtectionActors from './raw-data-to-non-protection-actors';
import unsafeChannel from './unsafe-channel';
import referralMissing from './referral-missing';
import riskAssessmentMissing from './risk-assessment-missing';
import personalDataInDocument from './personal-data-in-document';
import publicationWithoutDisclosureControl from './publication-without-disclosure-control';
import outdatedLaw from './outdated-law';
import duplicatedText from './duplicated-text';
import brokenLink from './broken-link';
import restrictedLink from './restricted-link';
import unsafePasswordPractice from './unsafe-password-practice';
import organisationCentredRisk from './organisation-centred-risk';
import breachProcedureMissing from './breach-procedure-missing';
import principlesInAction from './principles-in-action';

export const rules: readonly Rule[] = [
  unknownKind,
  frontMatter,
  kindInferred,
  requiredSection,
  emptySection,
  processStepMissing,
  principleUnaddressed,
  consentMissing,
  retentionMissing,
  breachProcedureMissing,
  sharingSafeguards,
  rawDataToNonProtectionActors,
  unsafeChannel,
  unsafePasswordPractice,
  publicationWithoutDisclosureControl,
  referralMissing,
  riskAssessmentMissing,
  principlesInAction,
  organisationCentredRisk,
  personalDataInDocument,
  outdatedLaw,
  duplicatedText,
  brokenLink,
  restrictedLink,
];

export type { Rule } from './define-rule';
