// `pnpm bench`: the agent against the upstream directly and nginx, over loopback, with wrk.
// Prints the table on stdout, progress on stderr, and writes bench/results/<date>.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { formatReport } from './results/format-table';
import { runBenchmark } from './run-benchmark';
import { ensureTools } from './tools/ensure-tools';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

let options: BenchOptions;
try {
  // `pnpm bench -- --quick` hands the separator on.
  options = parseOptions(process.argv.slice(2).filter((arg) => arg !== '--'));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

// Every step is bounded on its own; this bounds the whole, whatever hangs.
const watchdog = setTimeout(() => {
  log(`the benchmark did not finish within ${options.deadlineMinutes} minutes; giving up`);
  process.exit(1);
}, options.deadlineMinutes * 60_000);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    process.exit(130);
  });
}

try {
  ensureTools(log);
  const report = await runBenchmark(options, log);
  const stamp = report.startedAt.replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  const file = `${RESULTS_DIR}${stamp}${options.mode === 'quick' ? '-quick' : ''}.json`;
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(formatReport(report));
  log(`results written to ${file}`);
  clearTimeout(watchdog);
  process.exit(0);
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
