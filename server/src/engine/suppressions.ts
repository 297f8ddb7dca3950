/**
 * Pure: inline switches written as HTML comments, as in markdownlint:
 * `<!-- pim-disable rule-a rule-b -->`, `<!-- pim-enable rule-a -->`,
 * `<!-- pim-disable-next-line rule-a -->`, `<!-- pim-disable-line rule-a -->` and
 * `<!-- pim-disable-file rule-a -->`. Without rule ids they apply to every rule.
 */
import { positionOf, type DocumentModel } from './model/build-model';

const DIRECTIVE = /^<!--\s*pim-(disable-file|disable-next-line|disable-line|disable|enable)((?:\s+[\w-]+)*)\s*-->$/;
const ALL = '*';

export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

interface Toggle {
  readonly line: number;
  readonly rules: readonly string[];
  readonly on: boolean;
}

export function readSuppressions(model: DocumentModel): Suppressions {
  const fileWide = new Set<string>();
  const lineWide = new Map<number, Set<string>>();
  const toggles: Toggle[] = [];
  for (const comment of model.comments) {
    const match = DIRECTIVE.exec(comment.text.trim());
    if (!match) continue;
    const rules = (match[2] ?? '').split(/[\s,]+/).filter(Boolean);
    const ids = rules.length > 0 ? rules : [ALL];
    const line = positionOf(model, comment.span.start).line;
    const endLine = positionOf(model, comment.span.end).line;
    switch (match[1]) {
      case 'disable-file':
        ids.forEach((id) => fileWide.add(id));
        break;
      case 'disable-next-line':
        addLine(lineWide, endLine + 1, ids);
        break;
      case 'disable-line':
        addLine(lineWide, line, ids);
        break;
      default:
        toggles.push({ line, rules: ids, on: match[1] === 'enable' });
    }
  }
  toggles.sort((a, b) => a.line - b.line);
  return {
    isSuppressed(ruleId, line) {
      if (fileWide.has(ruleId) || fileWide.has(ALL)) return true;
      const onLine = lineWide.get(line);
      if (onLine && (onLine.has(ruleId) || onLine.has(ALL))) return true;
      let disabled = false;
      for (const toggle of toggles) {
        if (toggle.line > line) break;
        if (toggle.rules.includes(ruleId) || toggle.rules.includes(ALL)) disabled = !toggle.on;
      }
      return disabled;
    },
  };
}

function addLine(map: Map<number, Set<string>>, line: number, ids: readonly string[]): void {
  const set = map.get(line) ?? new Set<string>();
  ids.forEach((id) => set.add(id));
  map.set(line, set);
}
