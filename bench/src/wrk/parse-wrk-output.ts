/** What one `wrk --latency` run reports, in plain units. */
export interface WrkReport {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  bytesRead: number;
  /** Latency percentiles in milliseconds. */
  latencyMs: { p50: number; p75: number; p90: number; p99: number };
  /** Responses with a status of 400 or more (wrk counts no 3xx here). */
  errorResponses: number;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
}

// wrk prints times through its own unit table (units.c): us, ms, s, then m and h.
const TIME_UNITS_MS: Record<string, number> = {
  us: 0.001,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
// Byte counts are binary: "380.16MB" is 380.16 × 1024².
const BYTE_UNITS: Record<string, number> = {
  B: 1,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  TB: 1024 ** 4,
};

export class WrkOutputError extends Error {
  override name = 'WrkOutputError';
}

/** Parses wrk 4's text report (run with `--latency`); throws naming the line it could not find. */
export function parseWrkOutput(output: string): WrkReport {
  const totals = match(output, /^\s*(\d+) requests in ([\d.]+\w+), ([\d.]+\w*B) read$/m, 'totals');
  const rate = match(output, /^Requests\/sec:\s+([\d.]+)$/m, 'Requests/sec');
  const errors = /^\s*Non-2xx or 3xx responses: (\d+)$/m.exec(output);
  const sockets = /^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)$/m.exec(
    output,
  );
  return {
    requests: Number(totals[1]),
    durationSeconds: parseTimeMs(totals[2] ?? '') / 1000,
    requestsPerSecond: Number(rate[1]),
    bytesRead: parseBytes(totals[3] ?? ''),
    latencyMs: {
      p50: readPercentile(output, '50%'),
      p75: readPercentile(output, '75%'),
      p90: readPercentile(output, '90%'),
      p99: readPercentile(output, '99%'),
    },
    errorResponses: errors ? Number(errors[1]) : 0,
    socketErrors: {
      connect: Number(sockets?.[1] ?? 0),
      read: Number(sockets?.[2] ?? 0),
      write: Number(sockets?.[3] ?? 0),
      timeout: Number(sockets?.[4] ?? 0),
    },
  };
}

export function parseTimeMs(text: string): number {
  const found = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  const factor = found ? TIME_UNITS_MS[found[2] ?? ''] : undefined;
  if (!found || factor === undefined) throw new WrkOutputError(`"${text}" is not a wrk time`);
  return Number(found[1]) * factor;
}

export function parseBytes(text: string): number {
  const found = /^([\d.]+)([KMGT]?B)$/.exec(text.trim());
  const factor = found ? BYTE_UNITS[found[2] ?? ''] : undefined;
  if (!found || factor === undefined) throw new WrkOutputError(`"${text}" is not a wrk size`);
  return Number(found[1]) * factor;
}

function readPercentile(output: string, label: string): number {
  // wrk pads units to two characters: "1.18s " ends in a space.
  const line = match(output, new RegExp(`^\\s*${label}\\s+([\\d.]+\\w+)\\s*$`, 'm'), label);
  return parseTimeMs(line[1] ?? '');
}

function match(output: string, pattern: RegExp, what: string): RegExpExecArray {
  const found = pattern.exec(output);
  if (!found) {
    throw new WrkOutputError(
      `wrk's report has no ${what} line (was it run with --latency?):\n${output.slice(0, 2000)}`,
    );
  }
  return found;
}
