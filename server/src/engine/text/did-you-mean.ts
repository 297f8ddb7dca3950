/** Pure: the closest known value to a mistyped one, by edit distance on normalised text. */
import { phraseKey } from './normalize';

export function closest(input: string, candidates: readonly { readonly value: string; readonly labels: readonly string[] }[]): string | undefined {
  const key = phraseKey(input);
  let best: { value: string; distance: number } | undefined;
  for (const candidate of candidates) {
    for (const label of candidate.labels) {
      const other = phraseKey(label);
      // The edit distance is at least the difference in length: skip labels that cannot win.
      if (best && Math.abs(other.length - key.length) / 4 >= best.distance) continue;
      const distance = other.includes(key) || key.includes(other) ? Math.abs(other.length - key.length) / 4 : levenshtein(key, other);
      if (!best || distance < best.distance) best = { value: candidate.value, distance };
    }
  }
  // More than a third of the word changed is a different word, not a typo.
  return best && best.distance <= Math.max(2, key.length / 3) ? best.value : undefined;
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
