/** Where each rule is documented: its section of the README rules table. */
export const TOOL_NAME = 'pim-lint';
export const TOOL_URL = 'https://github.com/pim-language-tools/pim-language-tools';

export function ruleDocUrl(ruleId: string): string {
  return `${TOOL_URL}#rule-${ruleId}`;
}
