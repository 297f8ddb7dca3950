/**
 * Pure: validates the knowledge data files against their schema and against each other, and
 * builds the lookups the engine needs. Never reads files: the caller passes their parsed content.
 */
import { formatPath, validateJson, isObject, type JsonSchema } from '../json-schema';
import { phraseKey } from '../text/normalize';
import { KNOWLEDGE_FILE_NAMES, LANGS } from './types';
import type {
  Calibration,
  Category,
  Check,
  DocumentKind,
  KnowledgeFiles,
  KnowledgeItem,
  Lang,
  LocalizedText,
  MatrixRow,
  Phrases,
  Principle,
  RefKind,
  Requirement,
  Signal,
  SourceEntry,
  Step,
  Substep,
  SupersededLaw,
  Term,
} from './types';

/** Thrown when the knowledge data is invalid; `problems` are lines like `glossary.json: terms[41].names.fr: missing`. */
export class KnowledgeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The PIM knowledge base is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

export interface Knowledge {
  readonly version: string;
  readonly locales: readonly Lang[];
  readonly sources: ReadonlyMap<string, SourceEntry>;
  readonly principles: readonly Principle[];
  readonly steps: readonly Step[];
  readonly substeps: readonly Substep[];
  readonly prescriptiveNote: LocalizedText;
  readonly matrixRows: readonly MatrixRow[];
  readonly categories: readonly Category[];
  readonly terms: readonly Term[];
  readonly kinds: readonly DocumentKind[];
  readonly requirements: readonly Requirement[];
  readonly signals: ReadonlyMap<string, Signal>;
  readonly messages: Readonly<Record<string, LocalizedText>>;
  readonly calibration: Calibration;
  readonly supersededLaws: readonly SupersededLaw[];
  readonly checks: readonly Check[];
  /** `principle:do-no-harm` -> the item. */
  readonly byRef: ReadonlyMap<string, KnowledgeItem>;
  /** The step each sub-step belongs to. */
  readonly stepOf: ReadonlyMap<string, Step>;
  /** The files as given, for printing. */
  readonly files: KnowledgeFiles;
}

/**
 * The knowledge base from files already validated (the bundled one is checked at build time by
 * `scripts/check-knowledge.ts`, and never changes after): indexed only, so that start-up is fast.
 */
export function indexKnowledge(raw: Readonly<Record<string, unknown>>): Knowledge {
  return build(raw as unknown as KnowledgeFiles);
}

export function loadKnowledge(raw: Readonly<Record<string, unknown>>, schema: JsonSchema): Knowledge {
  const schemaProblems = validateJson(raw, schema).map(({ path, message }) => formatProblem(path, message));
  if (schemaProblems.length > 0) throw new KnowledgeError(schemaProblems);
  const files = raw as unknown as KnowledgeFiles;
  const knowledge = build(files);
  const problems = checkIntegrity(knowledge);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return knowledge;
}

/** `['glossary.json', 'terms', 41, 'names', 'fr']` -> `glossary.json: terms[41].names.fr: missing`. */
function formatProblem(path: readonly (string | number)[], message: string): string {
  const [file, ...rest] = path;
  if (file === undefined) return message;
  if (rest.length === 0) return `${file}: ${message}`;
  return `${file}: ${formatPath(rest)}: ${message}`;
}

function build(files: KnowledgeFiles): Knowledge {
  const steps = files['process.json'].steps;
  const substeps = steps.flatMap((step) => step.substeps);
  const stepOf = new Map<string, Step>();
  for (const step of steps) for (const substep of step.substeps) stepOf.set(substep.id, step);
  const byRef = new Map<string, KnowledgeItem>();
  const put = (entry: KnowledgeItem): void => {
    byRef.set(`${entry.kind}:${entry.item.id}`, entry);
  };
  for (const item of files['principles.json'].principles) put({ kind: 'principle', item });
  for (const item of steps) put({ kind: 'step', item });
  for (const item of substeps) put({ kind: 'substep', item, step: stepOf.get(item.id) as Step });
  for (const item of files['categories.json'].categories) put({ kind: 'category', item });
  for (const item of files['glossary.json'].terms) put({ kind: 'term', item });
  for (const item of files['document-kinds.json'].kinds) {
    put({ kind: 'kind', item });
    for (const section of item.sections) byRef.set(sectionRef(item, section), { kind: 'section', item: section, owner: item });
  }
  for (const item of files['data-sharing.json'].requirements) put({ kind: 'requirement', item });
  for (const item of files['checks.json'].checks) put({ kind: 'check', item });
  return {
    version: files['meta.json'].version,
    locales: files['meta.json'].locales,
    sources: new Map(files['meta.json'].sources.map((s) => [s.id, s])),
    principles: [...files['principles.json'].principles].sort((a, b) => a.order - b.order),
    steps: [...steps].sort((a, b) => a.order - b.order),
    substeps,
    prescriptiveNote: files['process.json'].prescriptiveNote,
    matrixRows: files['categories.json'].rows,
    categories: [...files['categories.json'].categories].sort((a, b) => a.order - b.order),
    terms: files['glossary.json'].terms,
    kinds: files['document-kinds.json'].kinds,
    requirements: files['data-sharing.json'].requirements,
    signals: new Map(files['lexicon.json'].signals.map((s) => [s.id, s])),
    messages: files['messages.json'].messages,
    calibration: files['calibration.json'],
    supersededLaws: files['laws.json'].superseded,
    checks: files['checks.json'].checks,
    byRef,
    stepOf,
    files,
  };
}

/** `section:dpia/legal-basis`: how findings cite a section of a document kind. */
export function sectionRef(kind: DocumentKind, section: { readonly id: string }): string {
  return `section:${kind.id}/${section.id}`;
}

/** Cross-file checks a schema cannot express: unique ids, resolvable references, cited sources, alias collisions. */
function checkIntegrity(k: Knowledge): string[] {
  const problems: string[] = [];
  const f = k.files;
  const report = (file: string, path: string, message: string): void => {
    problems.push(`${file}: ${path}: ${message}`);
  };
  const has = (kind: RefKind, id: string): boolean => k.byRef.has(`${kind}:${id}`);

  checkUnique('principles.json', 'principles', f['principles.json'].principles, report);
  checkUnique('process.json', 'steps', f['process.json'].steps, report);
  checkUnique('process.json', 'substeps', k.substeps, report);
  checkUnique('process.json', 'activities', k.substeps.flatMap((s) => s.activities), report);
  checkUnique('categories.json', 'rows', f['categories.json'].rows, report);
  checkUnique('categories.json', 'categories', f['categories.json'].categories, report);
  checkUnique('glossary.json', 'terms', f['glossary.json'].terms, report);
  checkUnique('document-kinds.json', 'kinds', f['document-kinds.json'].kinds, report);
  checkUnique('data-sharing.json', 'requirements', f['data-sharing.json'].requirements, report);
  checkUnique('lexicon.json', 'signals', f['lexicon.json'].signals, report);
  checkUnique('laws.json', 'superseded', f['laws.json'].superseded, report);
  checkUnique('checks.json', 'checks', f['checks.json'].checks, report);
  f['checks.json'].checks.forEach((c, i) => {
    const at = `checks[${i}]`;
    if (!has('step', c.step)) report('checks.json', `${at}.step`, `unknown step "${c.step}"`);
    if (!has('substep', c.substep)) report('checks.json', `${at}.substep`, `unknown sub-step "${c.substep}"`);
    if (!has('principle', c.principle)) report('checks.json', `${at}.principle`, `unknown principle "${c.principle}"`);
    if (!k.messages[c.message]) report('checks.json', `${at}.message`, `no message "${c.message}" in messages.json`);
    const signals = [...(c.when.sentence ?? []).flat(), ...(c.unless.document ?? []), ...(c.unless.sentence ?? [])];
    for (const id of signals) if (!k.signals.has(id)) report('checks.json', at, `unknown lexicon signal "${id}"`);
    for (const id of [...(c.when.covered ?? []), ...(c.when.missing ?? [])]) if (!has('substep', id)) report('checks.json', at, `unknown sub-step "${id}"`);
  });

  f['principles.json'].principles.forEach((p, i) => {
    p.steps.forEach((id, j) => has('substep', id) || report('principles.json', `principles[${i}].steps[${j}]`, `unknown sub-step "${id}"`));
    for (const stepId of Object.keys(p.inAction)) {
      if (!has('step', stepId)) report('principles.json', `principles[${i}].inAction.${stepId}`, `unknown step "${stepId}"`);
    }
  });
  f['glossary.json'].terms.forEach((t, i) =>
    t.related.forEach((ref, j) => k.byRef.has(ref) || report('glossary.json', `terms[${i}].related[${j}]`, `unknown reference "${ref}"`)),
  );
  f['data-sharing.json'].requirements.forEach((r, i) =>
    (r.principles ?? []).forEach((id, j) => has('principle', id) || report('data-sharing.json', `requirements[${i}].principles[${j}]`, `unknown principle "${id}"`)),
  );
  f['categories.json'].categories.forEach((c, i) => {
    for (const [j, id] of [c.sharing.keeps, ...c.sharing.unless].entries()) {
      const at = j === 0 ? 'keeps' : `unless[${j - 1}]`;
      if (!k.signals.has(id)) report('categories.json', `categories[${i}].sharing.${at}`, `unknown lexicon signal "${id}"`);
    }
  });
  f['document-kinds.json'].kinds.forEach((kind, i) => {
    const at = `kinds[${i}]`;
    kind.categories.forEach((id, j) => has('category', id) || report('document-kinds.json', `${at}.categories[${j}]`, `unknown category "${id}"`));
    kind.substeps.forEach((id, j) => has('substep', id) || report('document-kinds.json', `${at}.substeps[${j}]`, `unknown sub-step "${id}"`));
    kind.principles.forEach((id, j) => has('principle', id) || report('document-kinds.json', `${at}.principles[${j}]`, `unknown principle "${id}"`));
    checkUnique('document-kinds.json', `${at}.sections`, kind.sections, report);
    kind.sections.forEach((s, si) => {
      if (s.requiredWhen !== undefined && !k.signals.has(s.requiredWhen)) report('document-kinds.json', `${at}.sections[${si}].requiredWhen`, `unknown lexicon signal "${s.requiredWhen}"`);
      s.substeps.forEach((id, j) => has('substep', id) || report('document-kinds.json', `${at}.sections[${si}].substeps[${j}]`, `unknown sub-step "${id}"`));
      s.principles.forEach((id, j) => has('principle', id) || report('document-kinds.json', `${at}.sections[${si}].principles[${j}]`, `unknown principle "${id}"`));
    });
  });
  checkSources(k, report);
  checkAliasCollisions(hoverableNames(k), report);
  checkAliasCollisions(
    f['document-kinds.json'].kinds.map((kind, i) => ({ ref: `kind:${kind.id}`, file: 'document-kinds.json', path: `kinds[${i}]`, names: kind.names, aliases: kind.aliases })),
    report,
  );
  return problems;
}

type Report = (file: string, path: string, message: string) => void;

function checkUnique(file: string, path: string, items: readonly { readonly id: string }[], report: Report): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) report(file, `${path}[${i}].id`, `duplicate id "${item.id}"`);
    seen.add(item.id);
  });
}

const SOURCE_ID = /[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*/g;

/** Every `source` must cite at least one id listed in meta.json, and only such ids. */
function checkSources(k: Knowledge, report: Report): void {
  const visit = (file: string, node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((child, i) => visit(file, child, `${path}[${i}]`));
    else if (isObject(node)) {
      for (const [key, child] of Object.entries(node)) {
        const at = path === '' ? key : `${path}.${key}`;
        if (key === 'source' && typeof child === 'string') checkSource(file, at, child);
        else visit(file, child, at);
      }
    }
  };
  const checkSource = (file: string, path: string, source: string): void => {
    const cited = (source.match(SOURCE_ID) ?? []).filter((id) => id.length >= 3 || /\d/.test(id));
    const known = cited.filter((id) => k.sources.has(id));
    if (known.length === 0) report(file, path, `cites no source listed in meta.json ("${source}"); name a source id such as S001 or TEAM`);
  };
  for (const name of KNOWLEDGE_FILE_NAMES) if (name !== 'meta.json') visit(name, k.files[name], '');
}

interface NamedEntry {
  readonly ref: string;
  readonly file: string;
  readonly path: string;
  readonly names: LocalizedText;
  readonly aliases: Phrases;
}

function hoverableNames(k: Knowledge): NamedEntry[] {
  const f = k.files;
  const entries: NamedEntry[] = [];
  f['principles.json'].principles.forEach((p, i) => entries.push({ ref: `principle:${p.id}`, file: 'principles.json', path: `principles[${i}]`, names: p.names, aliases: p.aliases }));
  f['process.json'].steps.forEach((s, i) => {
    entries.push({ ref: `step:${s.id}`, file: 'process.json', path: `steps[${i}]`, names: s.names, aliases: s.aliases });
    s.substeps.forEach((ss, j) => entries.push({ ref: `substep:${ss.id}`, file: 'process.json', path: `steps[${i}].substeps[${j}]`, names: ss.names, aliases: ss.aliases }));
  });
  f['categories.json'].categories.forEach((c, i) => entries.push({ ref: `category:${c.id}`, file: 'categories.json', path: `categories[${i}]`, names: c.names, aliases: c.aliases }));
  f['glossary.json'].terms.forEach((t, i) => entries.push({ ref: `term:${t.id}`, file: 'glossary.json', path: `terms[${i}]`, names: t.names, aliases: t.aliases }));
  return entries;
}

/** A name or alias must lead to exactly one item per language, or hovers would be ambiguous. */
function checkAliasCollisions(entries: readonly NamedEntry[], report: Report): void {
  for (const lang of LANGS) {
    const owner = new Map<string, string>();
    for (const entry of entries) {
      const own = new Set<string>();
      const phrases = [entry.names[lang], ...(entry.aliases[lang] ?? [])].filter((p): p is string => p !== undefined);
      phrases.forEach((phrase) => {
        const key = phraseKey(phrase);
        if (key === '' || own.has(key)) return;
        own.add(key);
        const other = owner.get(key);
        if (other !== undefined && other !== entry.ref) report(entry.file, `${entry.path} (${lang})`, `"${phrase}" is also a name or alias of ${other}; keep it on one of them`);
        else owner.set(key, entry.ref);
      });
    }
  }
}
