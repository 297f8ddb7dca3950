/** The only file that knows the names of the editor settings, and turns them into engine options. */
import type { Connection } from 'vscode-languageserver';
import type { Lang, RuleSetting } from '../engine/index';

export interface PimSettings {
  readonly enable: boolean;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly debounceMs: number;
  /** `auto` detects the language from the text. */
  readonly language: Lang | 'auto';
}

export const DEFAULT_SETTINGS: PimSettings = { enable: true, rules: {}, debounceMs: 250, language: 'auto' };
const SECTION = 'pim';

/** Reads `pim.*` per document (multi-root: each folder may differ) and caches until the settings change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<PimSettings>>();
  private pull = false;
  private pushed: PimSettings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection) {}

  /** Clients that answer workspace/configuration are asked per document; others push settings with didChangeConfiguration. */
  usePull(supported: boolean): void {
    this.pull = supported;
  }

  changed(pushedSettings: unknown): void {
    this.cache.clear();
    const section = (pushedSettings as { [SECTION]?: unknown } | undefined)?.[SECTION];
    if (section !== undefined) this.pushed = sanitize(section);
  }

  forDocument(uri: string): Promise<PimSettings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(sanitize, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/** Settings come from users' JSON: anything unexpected falls back to the default instead of failing. */
function sanitize(raw: unknown): PimSettings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const rules = typeof value.rules === 'object' && value.rules !== null ? (value.rules as Record<string, RuleSetting>) : {};
  const debounce = typeof value.debounceMs === 'number' && value.debounceMs >= 0 && value.debounceMs <= 10_000 ? value.debounceMs : DEFAULT_SETTINGS.debounceMs;
  const language = ['en', 'fr', 'es', 'ar'].includes(String(value.language)) ? (value.language as Lang) : 'auto';
  return { enable: value.enable !== false, rules, debounceMs: debounce, language };
}
