/**
 * What an operator counts: the few figures /metrics serves (Prometheus text format, prom-client).
 * Each part that does the work is handed a {@link Metrics} and reports to it where the thing
 * happens (a sender when a platform accepted a message or answered 429, the fan-out when a digest
 * went out, the composition root around the feed rounds and the analysis jobs). Nothing here is
 * process-wide: every {@link PromMetrics} has its own registry, so tests make one each and read it.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Where the parts report; {@link noMetrics} when nobody reads them. */
export interface Metrics {
  /** A platform accepted a message (each part of a long one counts). */
  messageSent(platform: string): void;
  /** A platform answered 429; `waitMs` is how long it asked to wait. */
  rateLimited(platform: string, waitMs: number): void;
  /** One feed's poll ended: `ok`, `not-modified`, `failed` or `skipped`. */
  feedFetched(result: string): void;
  /** One article analysis took `seconds` (successful or not). */
  analysed(seconds: number): void;
  /** A digest reached its chat `seconds` after its slot (the time it was due). */
  digestDelivered(lagSeconds: number): void;
}

/** Reports into nothing. */
export const noMetrics: Metrics = {
  messageSent: () => undefined,
  rateLimited: () => undefined,
  feedFetched: () => undefined,
  analysed: () => undefined,
  digestDelivered: () => undefined,
};

/** The metrics in a registry of their own, with the process's own (memory, event-loop lag …) beside them. */
export class PromMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly sent = this.counter('mojaz_messages_sent_total', 'Messages (and parts of long messages) a platform accepted, replies and digests alike.', 'platform');
  private readonly limited = this.counter('mojaz_rate_limited_total', 'Answers 429 (too many requests) from a platform, each waited out before the send was retried.', 'platform');
  private readonly limitedSeconds = this.counter('mojaz_rate_limit_wait_seconds_total', 'Seconds the platforms asked to wait in their 429 answers.', 'platform');
  private readonly fetched = this.counter('mojaz_feed_fetches_total', 'Feed polls by result: ok (new content read), not-modified, failed, skipped (still running).', 'result');
  private readonly analysis = new Histogram({
    name: 'mojaz_analysis_seconds',
    help: 'Time of one article analysis (commands and polled articles), in the worker thread, queueing included.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly lag = new Histogram({
    name: 'mojaz_digest_lag_seconds',
    help: "Time from a digest's slot (when it was due) to the platform accepting it.",
    buckets: [1, 5, 15, 30, 60, 120, 300, 900, 3600, 21600],
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'mojaz_' });
    // Every platform shows from the start (0 rather than absent), so a rate() over them has a base.
    for (const platform of ['telegram', 'discord']) {
      this.sent.inc({ platform }, 0);
      this.limited.inc({ platform }, 0);
    }
  }

  /** A counter with one label, in this registry. */
  private counter<L extends string>(name: string, help: string, label: L): Counter<L> {
    return new Counter({ name, help, labelNames: [label], registers: [this.registry] });
  }

  messageSent(platform: string): void {
    this.sent.inc({ platform });
  }

  rateLimited(platform: string, waitMs: number): void {
    this.limited.inc({ platform });
    this.limitedSeconds.inc({ platform }, Math.max(0, waitMs) / 1000);
  }

  feedFetched(result: string): void {
    this.fetched.inc({ result });
  }

  analysed(seconds: number): void {
    this.analysis.observe(seconds);
  }

  digestDelivered(lagSeconds: number): void {
    this.lag.observe(Math.max(0, lagSeconds));
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** `run` timed into `observe` (seconds), whether it succeeds or throws. */
export async function timed<T>(observe: (seconds: number) => void, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    observe((performance.now() - started) / 1000);
  }
}
