/** Load generation and the figures every benchmark reports: percentiles, a table, the machine. */
import { cpus, loadavg } from "node:os";
import autocannon, { type Options, type Result } from "autocannon";

export interface LoadSettings {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of unmeasured load first. */
  warmup: number;
}

export interface LoadMeasurement {
  requestsPerSecond: number;
  responses: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function percentilesOf(sorted: Float64Array) {
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

function runLoad(options: Options, onLatency?: (ms: number) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) {
      instance.on("response", (_client, statusCode, _bytes, ms) => {
        if (statusCode >= 200 && statusCode < 300) onLatency(ms);
      });
    }
  });
}

/**
 * Loads one URL with concurrent clients for a while and reports throughput and latency. autocannon
 * reports p90 and p97.5 but no p95, so every 2xx response time is kept and the percentiles are
 * computed from all of them. Any failed response makes the run invalid rather than fast.
 */
export async function measureUnderLoad(
  url: string,
  headers: Record<string, string>,
  settings: LoadSettings,
): Promise<LoadMeasurement> {
  // A generous timeout: on a busy machine a slow answer is a result to report, not an error.
  const base = { url, headers, connections: settings.connections, timeout: 60 };
  if (settings.warmup > 0) await runLoad({ ...base, duration: settings.warmup });
  const latencies: number[] = [];
  const result = await runLoad({ ...base, duration: settings.duration }, (ms) => latencies.push(ms));
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts — not a valid measurement`,
    );
  }
  if (latencies.length === 0) throw new Error(`${url}: no response within ${settings.duration} s`);
  const sorted = Float64Array.from(latencies).sort();
  return { requestsPerSecond: result.requests.average, responses: sorted.length, ...percentilesOf(sorted) };
}

/** Prints rows as aligned columns: the first `textColumns` to the left, the figures to the right. */
export function printTable(rows: string[][], textColumns: number): void {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of rows) {
    console.log(
      row.map((cell, i) => (i < textColumns ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "),
    );
  }
}

/** Node, the CPUs and the load average: other work on the machine shows in every figure. */
export function describeMachine(): string {
  const cpu = cpus();
  const [load] = loadavg();
  return `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, load average ${load?.toFixed(2)}`;
}
