/**
 * Gives memory back when the language server has nothing to do.
 *
 * V8 collects garbage when a program allocates, never when it is idle. A server that has just
 * analysed many documents (a workspace opened, a thousand files closed) holds the heap it grew
 * while doing so, made of garbage, for as long as nobody types: measured with 1,000 documents
 * opened and closed, 277 MB stayed resident after 20 s, against 62 MB before they were opened.
 * So when the event loop has been idle for a while and the heap has grown past its size at the
 * last rest, the server collects it, four times over the following 11 s (V8 hands its pages back
 * over several).
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleCollectorProbe {
  /** Runs a full garbage collection. */
  readonly collect: () => void;
  /** The bytes the heap holds from the system. */
  readonly heapSize: () => number;
  /** The share of the time since the last call that the event loop was busy, 0 to 1. */
  readonly busyShare: () => number;
}

const MB = 2 ** 20;
/** How far the heap may grow past its size at rest before an idle moment is spent on collecting it. */
const GROWTH_BYTES = 16 * MB;
/** Busy for less than this share of a look's interval is idle: a hover or a timer, not analysis. */
const IDLE_SHARE = 0.1;
const LOOK_INTERVAL_MS = 500;
/**
 * The looks into a quiet stretch at which a grown heap is collected: after 1.5 s of quiet (a
 * pause, not a gap between keystrokes); again a second later, when sweeping has handed the first
 * collection's pages back; then after 6.5 s and 12.5 s, for V8 to shrink its young generation,
 * which it does only once it has measured a low allocation rate over about 5 s, however often it
 * collects (the last one for a machine too busy for the 5 s to be over by the first).
 */
const COLLECT_AT_LOOKS: readonly number[] = [3, 5, 13, 25];
const FIRST_COLLECTION = COLLECT_AT_LOOKS[0] as number;
const LAST_COLLECTION = COLLECT_AT_LOOKS[COLLECT_AT_LOOKS.length - 1] as number;

export class IdleCollector {
  private restingSize: number;
  private quietLooks = 0;
  private collecting = false;

  constructor(private readonly probe: IdleCollectorProbe) {
    this.restingSize = probe.heapSize();
  }

  /** One look at the server; true when it collected. */
  look(): boolean {
    if (this.probe.busyShare() > IDLE_SHARE) {
      this.quietLooks = 0;
      this.collecting = false;
      return false;
    }
    this.quietLooks++;
    const size = this.probe.heapSize();
    if (this.collecting && this.quietLooks > LAST_COLLECTION) {
      // The heap at rest is what this stretch's collections left.
      this.collecting = false;
      this.restingSize = size;
    }
    if (this.quietLooks === FIRST_COLLECTION) this.collecting = size >= this.restingSize + GROWTH_BYTES;
    if (this.collecting && COLLECT_AT_LOOKS.includes(this.quietLooks)) {
      this.probe.collect();
      return true;
    }
    // Or the least it shrank to by itself; never more, or the heap could creep up from rest to rest.
    if (!this.collecting) this.restingSize = Math.min(this.restingSize, size);
    return false;
  }
}

/**
 * Looks at the server twice a second, in the background, for as long as it runs. Without a way to
 * ask V8 for a collection (a runtime that refuses the flag), it does nothing.
 */
export function collectWhenIdle(): void {
  const collect = garbageCollector();
  if (!collect) return;
  let last = performance.eventLoopUtilization();
  const collector = new IdleCollector({
    collect,
    heapSize: () => getHeapStatistics().total_heap_size,
    busyShare: () => {
      const now = performance.eventLoopUtilization();
      const share = performance.eventLoopUtilization(now, last).utilization;
      last = now;
      return share;
    },
  });
  setInterval(() => collector.look(), LOOK_INTERVAL_MS).unref();
}

/**
 * V8's `gc`, which a context made while the flag is set exposes. The flag is unset again at once:
 * V8 stamps code caches with its flags, and a cache written while it was set (the launcher's,
 * see `launch/compile-cache.ts`) would be rejected by every start, which runs without it.
 */
function garbageCollector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
  } catch {
    return undefined;
  }
}
