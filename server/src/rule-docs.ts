/**
 * Where each rule is documented: its page `docs/rules/<rule id>.md`, generated from the registry,
 * shipped in the npm package and the .vsix, and published on the repository.
 */
export const TOOL_NAME = 'pim-lint';
/** package.json `repository.url`; test/package.test.ts checks that the two agree. */
export const TOOL_URL = 'https://github.com/pim-language-tools/pim-language-tools';

/** The page's path relative to the package root. */
export function ruleDocPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/** The page on the repository: a stable address for reports read away from any checkout (SARIF). */
export function ruleDocUrl(ruleId: string): string {
  return `${TOOL_URL}/blob/main/${ruleDocPath(ruleId)}`;
}
