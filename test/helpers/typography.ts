/** French typography: a no-break space before : ; ! ? and », and after «. */
const NO_BREAK = /[\u00a0\u202f]/u;

/** The places in a French text that lack their no-break space, with a little context; code spans and web addresses are left alone. */
export function frenchTypographyProblems(text: string): string[] {
  const prose = text.replace(/`[^`]*`|\]\([^)]*\)|https?:\/\/\S*/g, ' ');
  const problems: string[] = [];
  const around = (index: number): string => JSON.stringify(prose.slice(Math.max(0, index - 12), index + 3));
  for (const m of prose.matchAll(/[:;!?»]/g)) if (!NO_BREAK.test(prose[m.index - 1] ?? '')) problems.push(around(m.index));
  for (const m of prose.matchAll(/«/g)) if (!NO_BREAK.test(prose[m.index + 1] ?? '')) problems.push(around(m.index));
  return problems;
}
