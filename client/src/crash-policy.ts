/**
 * When the language server dies: restart it and tell the user once, with the way to the log; after
 * too many crashes in a short time, stop restarting and say so, once. Pure, so that it is tested
 * without VS Code.
 */
export type CrashNotice = 'restarted' | 'gave-up';

export interface CrashDecision {
  readonly restart: boolean;
  /** What to tell the user now, if anything: nothing is said twice until the policy is reset. */
  readonly notice?: CrashNotice;
}

export class CrashPolicy {
  private crashes: number[] = [];
  private told = new Set<CrashNotice>();

  /** `maxCrashes` within `windowMs` are restarted; one more, and the server stays stopped. */
  constructor(
    readonly maxCrashes = 4,
    readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  serverClosed(): CrashDecision {
    const at = this.now();
    this.crashes = [...this.crashes.filter((t) => at - t < this.windowMs), at];
    const restart = this.crashes.length <= this.maxCrashes;
    const notice: CrashNotice = restart ? 'restarted' : 'gave-up';
    if (this.told.has(notice)) return { restart };
    this.told.add(notice);
    return { restart, notice };
  }

  /** The user restarted the server by hand: crashes from before count no more, and the next one is told again. */
  reset(): void {
    this.crashes = [];
    this.told.clear();
  }
}
