/** The only file that knows the names of the editor settings, and turns them into engine options. */
import type { Connection } from 'vscode-languageserver';
import { LIMITS, rules as ruleRegistry, SEVERITIES, type Lang, type RuleSetting } from '../service/index';

export interface PimSettings {
  readonly enable: boolean;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly debounceMs: number;
  /** `auto` detects the language from the text. */
  readonly language: Lang | 'auto';
  /** Bytes above which a document is declined with one diagnostic. */
  readonly maxDocumentSize: number;
}

export const DEFAULT_SETTINGS: PimSettings = { enable: true, rules: {}, debounceMs: 250, language: 'auto', maxDocumentSize: LIMITS.maxDocumentSize };
const SECTION = 'pim';

/** Reads `pim.*` per document (multi-root: each folder may differ) and caches until the settings change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<PimSettings>>();
  private pull = false;
  private pushed: PimSettings = DEFAULT_SETTINGS;
  /** Problems already reported: each is said once, not on every document. */
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** Clients that answer workspace/configuration are asked per document; others push settings with didChangeConfiguration. */
  usePull(supported: boolean): void {
    this.pull = supported;
  }

  changed(pushedSettings: unknown): void {
    this.cache.clear();
    const section = (pushedSettings as { [SECTION]?: unknown } | undefined)?.[SECTION];
    if (section !== undefined) this.pushed = this.sanitize(section);
  }

  forDocument(uri: string): Promise<PimSettings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then((raw) => this.sanitize(raw), () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private sanitize(raw: unknown): PimSettings {
    const { settings, problems } = sanitize(raw);
    const fresh = problems.filter((problem) => !this.reported.has(problem));
    fresh.forEach((problem) => this.reported.add(problem));
    if (fresh.length > 0) {
      const text = `PIM Language Tools: ${fresh.join(' ')}`;
      this.connection.console.warn(text);
      this.connection.window.showWarningMessage(text);
    }
    return settings;
  }
}

const RULE_SETTINGS: readonly string[] = ['off', ...SEVERITIES];

/** Settings come from users' JSON: anything unexpected falls back to the default instead of failing, and is reported. */
function sanitize(raw: unknown): { settings: PimSettings; problems: string[] } {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { rules, problems } = ruleSettings(value.rules);
  const debounce = typeof value.debounceMs === 'number' && value.debounceMs >= 0 && value.debounceMs <= 10_000 ? value.debounceMs : DEFAULT_SETTINGS.debounceMs;
  const language = ['en', 'fr', 'es', 'ar'].includes(String(value.language)) ? (value.language as Lang) : 'auto';
  const size = documentSizeSetting(value.maxDocumentSize);
  return { settings: { enable: value.enable !== false, rules, debounceMs: debounce, language, maxDocumentSize: size.bytes }, problems: [...problems, ...size.problems] };
}

function documentSizeSetting(raw: unknown): { bytes: number; problems: string[] } {
  if (raw === undefined || raw === null) return { bytes: LIMITS.maxDocumentSize, problems: [] };
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1) return { bytes: raw, problems: [] };
  return { bytes: LIMITS.maxDocumentSize, problems: [`The setting ${SECTION}.maxDocumentSize is ${JSON.stringify(raw)}, which is not a whole number of bytes; use one such as 10485760 for 10 MB. The default of ${LIMITS.maxDocumentSize} applies.`] };
}

/** The valid entries of `pim.rules`; each invalid one is left out with a sentence that says how to fix it. */
function ruleSettings(raw: unknown): { rules: Record<string, RuleSetting>; problems: string[] } {
  const rules: Record<string, RuleSetting> = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { rules, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { rules, problems: [`The setting ${SECTION}.rules must be an object of rule ids and severities, such as {"empty-section": "off"}; it is ignored.`] };
  const known = new Set(ruleRegistry.map((r) => r.id));
  for (const [id, setting] of Object.entries(raw as Record<string, unknown>)) {
    if (!known.has(id)) problems.push(`The setting ${SECTION}.rules names "${id}", which is not a rule; use a rule id from the README's rules table. It is ignored.`);
    else if (typeof setting !== 'string' || !RULE_SETTINGS.includes(setting)) problems.push(`The setting ${SECTION}.rules["${id}"] is ${JSON.stringify(setting)}, which is not a severity; use one of: ${RULE_SETTINGS.join(', ')}. It is ignored.`);
    else rules[id] = setting as RuleSetting;
  }
  return { rules, problems };
}
