/**
 * `.pimrc.json`, resolved inside the service through the host, asynchronously: found by walking
 * up from a document, merged along `extends`, validated against its schema. Data only: nothing
 * from the workspace is executed, and nothing outside it is read.
 *
 * What a configuration may read is bounded: the nearest `.pimrc.json` and the files it extends
 * must be regular files no bigger than `MAX_CONFIG_SIZE`; `extends` names a relative path that
 * stays inside the workspace folder of the extending file (or, for a file outside every folder,
 * inside that file's own folder), and is not a symbolic link. Anything else is a problem on the
 * file that names it, with what to do, and the defaults apply meanwhile. A problem is reported on
 * the file where it is, never on the one that extends it.
 */
import picomatch from 'picomatch/posix';
import { formatPath, validateJson, type JsonSchema } from '../engine/json-schema';
import type { Lang, RuleSetting } from '../engine/index';
import { closest } from '../engine/text/did-you-mean';
import schemaJson from '../../schemas/pimrc.schema.json';
import type { ConfigProblemReport, ConfigSource, DocumentConfig, ProjectDefinition } from './config-source';
import { NO_CONFIG } from './config-source';
import type { PimHost } from './host';
import { isInside, uriBasename, uriDirname, uriJoin, uriRelative, uriResolve } from './uri';

export const CONFIG_FILE_NAME = '.pimrc.json';
/** The rule id of problems in a configuration file. */
export const CONFIG_PROBLEM = 'config-invalid';
/** A configuration is a few hundred bytes; a megabyte is a mistake or an attack. */
export const MAX_CONFIG_SIZE = 1024 * 1024;

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
  readonly uri: string;
  readonly raw: RawConfig;
}

/** A configuration file with what it extends, merged once: what every document under it shares. */
interface ResolvedChain {
  readonly configUri: string;
  readonly problems: readonly ConfigProblemReport[];
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly language?: Lang;
  readonly maxDocumentSize?: number;
  readonly documents: readonly ((uri: string) => boolean)[];
  readonly ignored: readonly ((uri: string) => boolean)[];
  readonly projects: readonly ProjectDefinition[];
}

export interface ConfigResolverOptions {
  readonly host: PimHost;
  readonly ruleIds: readonly string[];
  /** The workspace folders: `extends` stays inside the one that holds the extending file. */
  readonly folders: () => readonly string[];
}

/** One resolver per service: its caches are the only state, and `invalidate` empties them. */
export class ConfigResolver implements ConfigSource {
  private readonly nearest = new Map<string, Promise<string | undefined>>();
  private readonly chains = new Map<string, Promise<ResolvedChain>>();
  /** Every file a configuration was read from, or looked for at: a change to one invalidates. */
  private readonly looked = new Set<string>();
  private readonly schema: JsonSchema;

  constructor(private readonly options: ConfigResolverOptions) {
    this.schema = schemaWithRules(options.ruleIds);
  }

  async forDocument(uri: string): Promise<DocumentConfig> {
    const configUri = await this.findNearest(uriDirname(uri));
    if (!configUri) return NO_CONFIG;
    let chain = this.chains.get(configUri);
    if (!chain) {
      chain = this.resolve(configUri);
      this.chains.set(configUri, chain);
    }
    return documentConfig(uri, await chain);
  }

  invalidate(): void {
    this.nearest.clear();
    this.chains.clear();
    this.looked.clear();
  }

  /** A change to this file changes a configuration: a `.pimrc.json`, or a file one extends. */
  isSource(uri: string): boolean {
    return uriBasename(uri) === CONFIG_FILE_NAME || this.looked.has(uri);
  }

  private findNearest(dir: string): Promise<string | undefined> {
    let found = this.nearest.get(dir);
    if (!found) {
      found = this.lookIn(dir);
      this.nearest.set(dir, found);
    }
    return found;
  }

  private async lookIn(dir: string): Promise<string | undefined> {
    const candidate = uriJoin(dir, CONFIG_FILE_NAME);
    if (await this.options.host.stat(candidate)) return candidate;
    const parent = uriDirname(dir);
    return parent === dir ? undefined : this.findNearest(parent);
  }

  private async resolve(configUri: string): Promise<ResolvedChain> {
    const problems: ConfigProblemReport[] = [];
    const root = this.allowedRoot(configUri);
    const read = await this.readBounded(configUri);
    if ('problem' in read) return merged(configUri, [], [{ uri: configUri, span: { start: 0, end: 0 }, message: read.problem, text: '' }]);
    const layers = await this.readChain(configUri, read.text, root, [], problems);
    return merged(configUri, problems.length > 0 ? [] : layers, problems);
  }

  /** The folder `extends` may not leave: the workspace folder of the nearest file, else that file's folder. */
  private allowedRoot(configUri: string): string {
    const folders = this.options.folders().filter((folder) => isInside(folder, configUri));
    return folders.sort((a, b) => b.length - a.length)[0] ?? uriDirname(configUri);
  }

  private async readChain(uri: string, text: string, root: string, seen: readonly string[], problems: ConfigProblemReport[]): Promise<Layer[]> {
    const raw = this.parse(uri, text, problems);
    if (!raw) return [];
    const layers: Layer[] = [];
    for (const base of raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends]) {
      const problem = (message: string): void => {
        problems.push({ uri, text, span: locate(text, JSON.stringify(base)), message });
      };
      const target = extendsTarget(uri, base, root);
      if ('problem' in target) {
        problem(target.problem);
        continue;
      }
      if (target.uri === uri || seen.includes(target.uri)) {
        problem(`"extends" makes a cycle through ${base}; remove one of the references.`);
        continue;
      }
      const read = await this.readBounded(target.uri, base);
      if ('problem' in read) problem(read.problem);
      else layers.push(...(await this.readChain(target.uri, read.text, root, [...seen, uri], problems)));
    }
    layers.push({ uri, raw });
    return layers;
  }

  /** A regular file of bounded size, or why it cannot be read; `named` is how `extends` wrote it. */
  private async readBounded(uri: string, named?: string): Promise<{ text: string } | { problem: string }> {
    const name = named ?? uriBasename(uri);
    this.looked.add(uri);
    const stat = await this.options.host.stat(uri);
    if (!stat) return { problem: named !== undefined ? `"extends" names ${name}, which does not exist; fix the path (it is relative to this file).` : unreadable(name) };
    if (stat.type !== 'file') return { problem: `${name} is not a regular file; a configuration must be a JSON file.` };
    if (named !== undefined && stat.symbolicLink) return { problem: `"extends" names ${name}, a symbolic link, which is not followed; name the file it points to, inside the workspace.` };
    if (stat.size > MAX_CONFIG_SIZE) return { problem: `${name} is ${Math.ceil(stat.size / 1024)} KB, more than a configuration may be (${MAX_CONFIG_SIZE / 1024} KB), so it is not read; keep only the settings in it, or name a smaller file.` };
    const text = await this.options.host.readFile(uri);
    if (text === undefined) return { problem: unreadable(name) };
    // Editors drop a byte order mark, and JSON.parse refuses one: positions are then the editor's.
    return { text: text.replace(/^\uFEFF/, '') };
  }

  private parse(uri: string, text: string, problems: ConfigProblemReport[]): RawConfig | undefined {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // The parser's own message quotes the text; the position is all that is needed, and quoting
      // a file could echo what it holds.
      const position = /position (\d+)/.exec(String((error as Error).message));
      const start = position ? Math.min(Number(position[1]), text.length) : text.length;
      problems.push({ uri, text, span: { start, end: Math.min(start + 1, text.length) }, message: 'This is not valid JSON here; fix the syntax, the defaults apply meanwhile.' });
      return undefined;
    }
    const before = problems.length;
    for (const problem of validateJson(value, this.schema)) {
      const key = problem.path[problem.path.length - 1];
      const span = key === undefined ? { start: 0, end: 0 } : locate(text, JSON.stringify(key));
      problems.push({ uri, text, span, message: describeProblem(problem.path, problem.message, this.options.ruleIds) });
    }
    return problems.length === before ? (value as RawConfig) : undefined;
  }
}

/** What is said of a configuration file that cannot be read. */
function unreadable(name: string): string {
  return `${name} cannot be read; check its permissions. The defaults apply meanwhile.`;
}

/** Where `extends` points, or why it may not be read there. */
function extendsTarget(from: string, base: string, root: string): { uri: string } | { problem: string } {
  if (/^([a-z][a-z0-9+.-]*:|[/\\]|[a-z]:)/i.test(base) || base.includes('\\')) {
    return { problem: `"extends" names ${base}; name a file by a path relative to this one, with / between folders, inside the workspace.` };
  }
  const uri = uriResolve(uriDirname(from), base);
  if (!isInside(root, uri)) return { problem: `"extends" names ${base}, which is outside the workspace; copy the settings into a file inside it.` };
  return { uri };
}

/** The layers merged (none when the chain has a problem), nearer files winning; glob matchers are built here, once per chain. */
function merged(configUri: string, layers: readonly Layer[], problems: readonly ConfigProblemReport[]): ResolvedChain {
  let rules: Record<string, RuleSetting> = {};
  let language: Lang | undefined;
  let maxDocumentSize: number | undefined;
  const documents: ((uri: string) => boolean)[] = [];
  const ignored: ((uri: string) => boolean)[] = [];
  const projects = new Map<string, ProjectDefinition>();
  for (const { uri: file, raw } of layers) {
    const dir = uriDirname(file);
    for (const project of raw.projects ?? []) {
      projects.set(project.name, { name: project.name, ...(project.purpose ? { purpose: project.purpose } : {}), configUri: file, matches: globMatcher(dir, project.files) });
    }
    rules = { ...rules, ...raw.rules };
    language = raw.language ?? language;
    maxDocumentSize = raw.maxDocumentSize ?? maxDocumentSize;
    if (raw.documents?.length) documents.push(globMatcher(dir, raw.documents));
    if (raw.ignore?.length) ignored.push(globMatcher(dir, raw.ignore));
  }
  return {
    configUri,
    problems,
    rules,
    ...(language ? { language } : {}),
    ...(maxDocumentSize !== undefined ? { maxDocumentSize } : {}),
    documents,
    ignored,
    projects: [...projects.values()],
  };
}

function documentConfig(uri: string, chain: ResolvedChain): DocumentConfig {
  return {
    rules: chain.rules,
    ...(chain.language ? { language: chain.language } : {}),
    ...(chain.maxDocumentSize !== undefined ? { maxDocumentSize: chain.maxDocumentSize } : {}),
    isDocument: chain.documents.some((match) => match(uri)),
    isIgnored: chain.ignored.some((match) => match(uri)),
    configUri: chain.configUri,
    problems: chain.problems,
    projects: chain.projects,
  };
}

/** Globs are relative to the folder of the file that wrote them, with `/` separators. */
function globMatcher(dir: string, globs: readonly string[]): (uri: string) => boolean {
  const match = picomatch(globs.map((g) => g.replace(/^\.\//, '')), { dot: true });
  return (uri) => {
    const relative = uriRelative(dir, uri);
    return relative !== undefined && match(relative);
  };
}

function describeProblem(path: readonly (string | number)[], message: string, ruleIds: readonly string[]): string {
  if (path[0] === 'rules' && path.length === 2 && message.startsWith('unexpected property')) {
    const suggestion = closest(String(path[1]), ruleIds.map((id) => ({ value: id, labels: [id] })));
    return `"${path[1]}" is not a rule${suggestion ? `; did you mean "${suggestion}"?` : `; use one of: ${ruleIds.join(', ')}.`}`;
  }
  return `${formatPath(path)}: ${message}; the defaults apply until it is fixed.`;
}

/** The published schema with the rule ids filled in, so unknown rule names are caught. */
function schemaWithRules(ruleIds: readonly string[]): JsonSchema {
  const schema = schemaJson as unknown as JsonSchema & { properties: Record<string, JsonSchema> };
  const rules = { ...schema.properties.rules, properties: Object.fromEntries(ruleIds.map((id) => [id, { $ref: '#/$defs/setting' }])) };
  return { ...schema, properties: { ...schema.properties, rules } };
}

function locate(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle);
  return at === -1 ? { start: 0, end: 0 } : { start: at, end: at + needle.length };
}
