import { describe, expect, it } from 'vitest';
import { parseBytes, parseTimeMs, parseWrkOutput, WrkOutputError } from './parse-wrk-output';

// Shaped exactly like wrk 4.1.0's reports (Debian bookworm); the second carries every unit and
// optional line wrk prints (socket errors, non-2xx responses).
const HEALTHY = `Running 10s test @ http://127.0.0.1:41235/api/bytes/1k
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.93ms  400.12us  12.34ms   90.12%
    Req/Sec    16.70k     1.23k   18.00k    70.00%
  Latency Distribution
     50%    1.85ms
     75%    2.01ms
     90%    2.30ms
     99%    3.50ms
  332193 requests in 10.00s, 380.16MB read
Requests/sec:  33218.44
Transfer/sec:     38.01MB
`;

const FAILING = `Running 1s test @ http://127.0.0.1:18080/nonexistent
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     9.08ms   18.68ms 111.78ms   89.41%
    Req/Sec   785.90    494.04     1.66k    70.00%
  Latency Distribution
     50%   98.00us
     75%    5.59ms
     90%   31.02ms
     99%    1.20s
  782 requests in 1.00m, 397.11KB read
  Socket errors: connect 0, read 3, write 0, timeout 7
  Non-2xx or 3xx responses: 782
Requests/sec:    780.87
Transfer/sec:    396.54KB
`;

describe('parseWrkOutput', () => {
  it('reads the totals, the rate and the latency distribution', () => {
    expect(parseWrkOutput(HEALTHY)).toEqual({
      requests: 332193,
      durationSeconds: 10,
      requestsPerSecond: 33218.44,
      bytesRead: 380.16 * 1024 ** 2,
      latencyMs: { p50: 1.85, p75: 2.01, p90: 2.3, p99: 3.5 },
      errorResponses: 0,
      socketErrors: { connect: 0, read: 0, write: 0, timeout: 0 },
    });
  });

  it('reads error responses, socket errors and every time unit', () => {
    const report = parseWrkOutput(FAILING);
    expect(report.errorResponses).toBe(782);
    expect(report.socketErrors).toEqual({ connect: 0, read: 3, write: 0, timeout: 7 });
    expect(report.durationSeconds).toBe(60);
    expect(report.latencyMs.p50).toBeCloseTo(0.098, 6);
    expect(report.latencyMs.p99).toBe(1200);
    expect(report.bytesRead).toBeCloseTo(397.11 * 1024, 6);
  });

  it('refuses a report without the latency distribution', () => {
    const withoutLatency = HEALTHY.replace(/ {2}Latency Distribution[\s\S]*?99%.*\n/, '');
    expect(() => parseWrkOutput(withoutLatency)).toThrow(WrkOutputError);
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(
      /no totals line/,
    );
  });
});

// Captured from wrk 4.1.0 on this machine: seconds are printed as "1.18s " (padded unit).
const SLOW = `Running 3s test @ http://127.0.0.1:35733/api/bytes/1k
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   388.78ms  488.19ms   2.49s    84.36%
    Req/Sec   202.06    250.46     0.96k    83.87%
  Latency Distribution
     50%  186.08ms
     75%  517.48ms
     90%    1.18s 
     99%    2.03s 
  762 requests in 3.12s, 0.93MB read
Requests/sec:    244.39
Transfer/sec:    304.06KB
`;

describe('parseWrkOutput on slow runs', () => {
  it('reads latencies of seconds, printed with a padded unit', () => {
    const report = parseWrkOutput(SLOW);
    expect(report.latencyMs.p90).toBeCloseTo(1180, 6);
    expect(report.latencyMs.p99).toBeCloseTo(2030, 6);
    expect(report.requests).toBe(762);
    expect(report.durationSeconds).toBeCloseTo(3.12, 6);
  });
});

describe('wrk units', () => {
  it('converts times to milliseconds and sizes to bytes', () => {
    expect(parseTimeMs('250.00us')).toBe(0.25);
    expect(parseTimeMs('2.00s')).toBe(2000);
    expect(parseTimeMs('1.50h')).toBe(5_400_000);
    expect(parseBytes('900.00B')).toBe(900);
    expect(parseBytes('1.00GB')).toBe(1024 ** 3);
    expect(() => parseTimeMs('3 parsecs')).toThrow(WrkOutputError);
    expect(() => parseBytes('12XB')).toThrow(WrkOutputError);
  });
});
