/**
 * Pure: which sections of a document kind a document has. A section is present under a heading
 * (or a bold label) that names it and has something under it, or wherever its content is: in
 * another section, a table, a numbered list. Content counts when it scores, with the section
 * weights, at least the fitted `sections.present` threshold of calibration.json.
 */
import { sectionRef } from '../knowledge/load';
import type { Calibration, DocumentKind } from '../knowledge/types';
import type { Block, DocumentModel, Section } from '../model/build-model';
import { phraseKey } from '../text/normalize';
import { phraseKeysOf } from '../knowledge/lookup';
import { scoreItem, type DocumentEvidence, type HeadingClaim, type ItemEvidence } from './evidence';

/** Section id -> the sections of the document where it is found (where its content is, when it has no heading). */
export function sectionsPresent(model: DocumentModel, presences: ReadonlyMap<string, Presence>, calibration: Calibration): Map<string, Section[]> {
  const found = new Map<string, Section[]>();
  for (const [id, presence] of presences) {
    if (presence.headed.length > 0) found.set(id, presence.headed);
    else if (presence.item && presence.score >= calibration.sections.present) found.set(id, [whereContentIs(model, presence.item)]);
  }
  return found;
}

export interface Presence {
  /** Sections with words under a heading that names the section. */
  readonly headed: Section[];
  /** Sections under such a heading with nothing in them: started, but empty (the empty-section rule says so). */
  readonly emptyHeaded: Section[];
  /** The content score, for sections without such a heading. */
  readonly score: number;
  readonly item?: ItemEvidence;
}

/** For each section of the kind, the heading that names it or the score of its content: what the threshold is fitted on. */
export function sectionPresence(model: DocumentModel, kind: DocumentKind, evidence: DocumentEvidence, calibration: Calibration): Map<string, Presence> {
  const presence = new Map<string, Presence>();
  const hasWords = sectionsWithWords(model);
  for (const section of kind.sections) {
    const item = evidence.items.get(sectionRef(kind, section));
    // A specific heading with words under it is the section; a generic one ("Purpose") only when what is under it speaks of the
    // section, or when it is the section's own full name ("Purpose and objectives").
    const speaksOf = (claim: HeadingClaim): boolean => {
      spokenIn ??= sectionsSpokenIn(item, evidence.ancestors);
      return spokenIn.has(claim.section as number);
    };
    let spokenIn: Set<number> | undefined;
    const names = phraseKeysOf(section.names);
    const ownName = (claim: HeadingClaim): boolean => names.has(phraseKey((model.sections[claim.section as number] as Section).title));
    const headed: Section[] = [];
    const emptyHeaded: Section[] = [];
    for (const claim of item?.headings ?? []) {
      if (claim.section === undefined) continue;
      const under = model.sections[claim.section] as Section;
      if (!hasWords.has(claim.section)) {
        // Nothing under it to speak of the section: a generic heading is this one only by its full name.
        if (!claim.generic || ownName(claim)) emptyHeaded.push(under);
      } else if (!claim.generic || speaksOf(claim) || ownName(claim)) headed.push(under);
    }
    presence.set(section.id, { headed, emptyHeaded, score: scoreItem(item, evidence, calibration.sections.weights).score, ...(item ? { item } : {}) });
  }
  return presence;
}

/** The sections the item's hits are in, and the sections above them: what a heading there speaks of. Worked out once per item, not once per heading. */
function sectionsSpokenIn(item: ItemEvidence | undefined, ancestors: DocumentEvidence['ancestors']): Set<number> {
  const spoken = new Set<number>();
  const hitSections = new Set((item?.hits ?? []).map((hit) => hit.section));
  for (const section of hitSections) for (const above of ancestors[section] ?? []) spoken.add(above);
  return spoken;
}

/** The section holding the strongest evidence, or the label that names the section. */
function whereContentIs(model: DocumentModel, item: ItemEvidence): Section {
  const label = item.headings.find((claim) => claim.blocks);
  const block = label?.blocks ? label.blocks.first : strongestBlock(item);
  return model.sections[(model.blocks[block] as Block | undefined)?.section ?? 0] as Section;
}

function strongestBlock(item: ItemEvidence): number {
  const perBlock = new Map<number, number>();
  for (const hit of item.hits) perBlock.set(hit.block, (perBlock.get(hit.block) ?? 0) + 1);
  return [...perBlock].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** Sections with words of their own or in a sub-section: an empty heading claims nothing. */
function sectionsWithWords(model: DocumentModel): Set<number> {
  const withWords = new Set<number>();
  for (const block of model.blocks) {
    if (block.kind === 'heading' || block.tokens.length === 0) continue;
    for (let index = block.section; index >= 0 && !withWords.has(index); index = (model.sections[index] as Section).parent) withWords.add(index);
  }
  return withWords;
}
