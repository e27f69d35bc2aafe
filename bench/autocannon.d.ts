/**
 * The slice of autocannon's programmatic API the benchmarks use. autocannon ships no types,
 * and this avoids another dev dependency for a handful of fields.
 */
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    headers?: Record<string, string>;
  }

  /** autocannon reports these percentiles; there is no p95. */
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }

  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }

  interface Instance extends EventEmitter {
    /** statusCode, bytes and responseTime (milliseconds, with fractions) of every response. */
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): this;
  }

  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance;

  export default autocannon;
  export type { Instance, Options, Result };
}
