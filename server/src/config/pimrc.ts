/**
 * `.pimrc.json`: found by walking up from a document, merged along `extends`, validated against
 * its schema. Data only: nothing from the workspace is executed. An invalid file yields problems
 * (reported on that file) and the defaults, never an exception.
 */
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { formatPath, validateJson, type JsonSchema } from '../engine/json-schema';
import type { Lang, RuleSetting } from '../engine/index';
import { closest } from '../engine/text/did-you-mean';
import schemaJson from '../../schemas/pimrc.schema.json';

export const CONFIG_FILE_NAME = '.pimrc.json';
export const CONFIG_PROBLEM = 'config-invalid';

export interface ConfigProblem {
  readonly file: string;
  readonly message: string;
  /** UTF-16 offsets into the config file's text. */
  readonly start: number;
  readonly end: number;
  /** The config file's text, so callers can turn offsets into lines without reading it again. */
  readonly text: string;
}

export interface ConfiguredProject {
  readonly name: string;
  readonly purpose?: string;
  /** The configuration file that declares it. */
  readonly file: string;
  matches(path: string): boolean;
}

export interface PimConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly language?: Lang;
  readonly maxDocumentSize?: number;
  /** The projects of every file in the chain; a nearer file's project of the same name wins. */
  readonly projects: readonly ConfiguredProject[];
  /** Absolute-path matchers built from the `documents` and `ignore` globs of every file in the chain. */
  isDocument(path: string): boolean;
  isIgnored(path: string): boolean;
}

export interface ResolvedConfig {
  readonly config: PimConfig;
  /** The nearest .pimrc.json, when there is one. */
  readonly file?: string;
  readonly problems: readonly ConfigProblem[];
}

/** What config resolution needs from the outside world; the CLI and the server pass the file system. */
export interface ConfigHost {
  readFile(path: string): string | undefined;
}

interface RawConfig {
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  documents?: string[];
  ignore?: string[];
  language?: Lang;
  maxDocumentSize?: number;
  projects?: { name: string; files: string[]; purpose?: string }[];
}

interface Layer {
  readonly file: string;
  readonly dir: string;
  readonly raw: RawConfig;
}

export const DEFAULT_CONFIG: PimConfig = { rules: {}, projects: [], isDocument: () => false, isIgnored: () => false };

export class ConfigResolver {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly resolved = new Map<string, ResolvedConfig>();

  constructor(
    private readonly host: ConfigHost,
    private readonly ruleIds: readonly string[],
  ) {}

  /** The configuration that applies to a document: the nearest .pimrc.json above it. */
  forDocument(path: string): ResolvedConfig {
    const file = this.findNearest(dirname(resolve(path)));
    if (!file) return { config: DEFAULT_CONFIG, problems: [] };
    let result = this.resolved.get(file);
    if (!result) {
      result = this.load(file);
      this.resolved.set(file, result);
    }
    return result;
  }

  /** Forget cached files, e.g. after a .pimrc.json changed on disk. */
  clear(): void {
    this.nearest.clear();
    this.resolved.clear();
  }

  private findNearest(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    const candidate = join(dir, CONFIG_FILE_NAME);
    const parent = dirname(dir);
    const found = this.host.readFile(candidate) !== undefined ? candidate : parent === dir ? undefined : this.findNearest(parent);
    this.nearest.set(dir, found);
    return found;
  }

  private load(file: string): ResolvedConfig {
    const problems: ConfigProblem[] = [];
    const layers = this.readChain(file, [], problems);
    if (problems.length > 0) return { config: DEFAULT_CONFIG, file, problems };
    return { config: merge(layers), file, problems };
  }

  /** Base layers first; `extends` cycles and unreadable files become problems on the file that names them. */
  private readChain(file: string, seen: readonly string[], problems: ConfigProblem[]): Layer[] {
    // Editors drop a byte order mark, and JSON.parse refuses one: positions are then the editor's.
    const text = this.host.readFile(file)?.replace(/^\uFEFF/, '');
    if (text === undefined) return [];
    const raw = this.parse(file, text, problems);
    if (!raw) return [];
    const bases = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
    const layers: Layer[] = [];
    for (const base of bases) {
      const target = resolve(dirname(file), base);
      const at = locate(text, JSON.stringify(base));
      if (seen.includes(target) || target === file) problems.push({ file, text, ...at, message: `"extends" makes a cycle through ${base}; remove one of the references.` });
      else if (this.host.readFile(target) === undefined) problems.push({ file, text, ...at, message: `"extends" names ${base}, which cannot be read; fix the path (it is relative to this file).` });
      else layers.push(...this.readChain(target, [...seen, file], problems));
    }
    layers.push({ file, dir: dirname(file), raw });
    return layers;
  }

  private parse(file: string, text: string, problems: ConfigProblem[]): RawConfig | undefined {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec(String((error as Error).message));
      const start = position ? Number(position[1]) : 0;
      problems.push({ file, text, start, end: Math.min(start + 1, text.length), message: `This is not valid JSON (${(error as Error).message}); fix the syntax, the defaults apply meanwhile.` });
      return undefined;
    }
    const before = problems.length;
    for (const problem of validateJson(value, schemaWithRules(this.ruleIds))) {
      const key = problem.path[problem.path.length - 1];
      const at = key === undefined ? { start: 0, end: 0 } : locate(text, JSON.stringify(key));
      problems.push({ file, text, ...at, message: describeProblem(problem.path, problem.message, this.ruleIds) });
    }
    return problems.length === before ? (value as RawConfig) : undefined;
  }
}

function describeProblem(path: readonly (string | number)[], message: string, ruleIds: readonly string[]): string {
  const where = formatPath(path);
  if (path[0] === 'rules' && path.length === 2 && message.startsWith('unexpected property')) {
    const suggestion = closest(String(path[1]), ruleIds.map((id) => ({ value: id, labels: [id] })));
    return `"${path[1]}" is not a rule${suggestion ? `; did you mean "${suggestion}"?` : `; use one of: ${ruleIds.join(', ')}.`}`;
  }
  return `${where}: ${message}; the defaults apply until it is fixed.`;
}

/** The published schema with the rule ids filled in, so unknown rule names are caught. */
function schemaWithRules(ruleIds: readonly string[]): JsonSchema {
  const schema = schemaJson as unknown as JsonSchema & { properties: Record<string, JsonSchema> };
  const rules = { ...schema.properties.rules, properties: Object.fromEntries(ruleIds.map((id) => [id, { $ref: '#/$defs/setting' }])) };
  return { ...schema, properties: { ...schema.properties, rules } };
}

function merge(layers: readonly Layer[]): PimConfig {
  const rules: Record<string, RuleSetting> = {};
  let language: Lang | undefined;
  let maxDocumentSize: number | undefined;
  const documents: ((path: string) => boolean)[] = [];
  const ignored: ((path: string) => boolean)[] = [];
  const projects = new Map<string, ConfiguredProject>();
  for (const { file, dir, raw } of layers) {
    for (const project of raw.projects ?? []) {
      projects.set(project.name, { name: project.name, ...(project.purpose ? { purpose: project.purpose } : {}), file, matches: globMatcher(dir, project.files) });
    }
    Object.assign(rules, raw.rules ?? {});
    language = raw.language ?? language;
    maxDocumentSize = raw.maxDocumentSize ?? maxDocumentSize;
    if (raw.documents?.length) documents.push(globMatcher(dir, raw.documents));
    if (raw.ignore?.length) ignored.push(globMatcher(dir, raw.ignore));
  }
  return {
    rules,
    ...(language ? { language } : {}),
    ...(maxDocumentSize !== undefined ? { maxDocumentSize } : {}),
    projects: [...projects.values()],
    isDocument: (path) => documents.some((match) => match(path)),
    isIgnored: (path) => ignored.some((match) => match(path)),
  };
}

/** Globs are relative to the directory of the file that wrote them, with `/` separators on every platform. */
function globMatcher(dir: string, globs: readonly string[]): (path: string) => boolean {
  const match = picomatch(globs.map((g) => g.replace(/^\.\//, '')), { dot: true });
  return (path) => {
    const rel = relative(dir, resolve(path));
    if (rel.startsWith('..') || isAbsolute(rel)) return false;
    return match(rel.split(sep).join('/'));
  };
}

function locate(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle);
  return at === -1 ? { start: 0, end: 0 } : { start: at, end: at + needle.length };
}
