import { createHash } from 'node:crypto';
import type { Severity } from '../../service/index';
import type { LocatedFinding } from '../lint-files';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/**
 * GitLab Code Quality: the part of the Code Climate issue format that GitLab shows in merge requests.
 * GitLab tells new findings from fixed ones by comparing fingerprints between pipelines, so a
 * fingerprint leaves the line out (an edit above a finding must not make it new) and numbers the
 * repeats of one rule, file and message instead, which keeps it unique.
 */
export function formatCodeQuality(findings: readonly LocatedFinding[]): string {
  const repeats = new Map<string, number>();
  const issues = findings.map((finding) => {
    const identity = [finding.ruleId, finding.file, finding.message].join('\0');
    const occurrence = (repeats.get(identity) ?? 0) + 1;
    repeats.set(identity, occurrence);
    return {
      description: finding.message,
      check_name: finding.ruleId,
      fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex'),
      severity: SEVERITY[finding.severity],
      location: { path: finding.file, lines: { begin: finding.line, end: finding.endLine } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
