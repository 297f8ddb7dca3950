/**
 * Pure: long work as a sequence of steps. A step ends at each `yield`; a caller that must stay
 * responsive (the language server) runs a few steps, lets other work in, and may stop before the
 * end when the result is no longer wanted. `runToEnd` runs every step at once (the CLI, tests):
 * both give the same result, since the steps are the same code.
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
