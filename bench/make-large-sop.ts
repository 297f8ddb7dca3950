/** Writes a synthetic protection-monitoring SOP of about N lines (default 5,000) for benchmarks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function largeSop(lines = 5000): string {
  const base = readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'documents', 'en-sop-good.md'), 'utf8');
  const [frontMatter, body] = [base.slice(0, base.indexOf('# ')), base.slice(base.indexOf('# '))];
  const parts = [frontMatter];
  let count = frontMatter.split('\n').length;
  for (let round = 1; count < lines; round++) {
    const chunk = body.replace(/^(#+) (.*)$/gm, (_, hashes: string, title: string) => `${hashes}# ${title} (part ${round})`).replace(/^## # /m, '# ');
    parts.push(chunk, `\n- item ${round}: the monitor records the answer in the form\n  - nested note ${round}\n\n| indicator | value |\n|---|---|\n| households visited | ${round * 7} |\n\n`);
    count += chunk.split('\n').length + 8;
  }
  return parts.join('\n');
}
