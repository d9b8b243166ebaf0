// `pnpm --filter @gatehouse/bench run profile`: a CPU profile of the agent while wrk loads one path,
// summarized by function and by area (package, Node internals, agent file, GC). V8's profiler by
// default; `--perf` samples with Linux perf instead, which also sees the kernel and counts only
// time on a CPU (V8's samples on a wall clock, so time spent waiting to run is charged to the
// function that was running: on a busy machine that inflates the system calls).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort } from '@gatehouse/agent/testing';
import { startDevIdp } from '@gatehouse/dev-idp';
import { buildChildEnvironment } from './env';
import { listProcessTree } from './processes/proc-stats';
import { spawnChild } from './processes/spawn-child';
import { summarizeCpuProfiles, type CpuProfile } from './profile/summarize-cpu-profile';
import { parsePerfScript, summarizePerfStacks } from './profile/summarize-perf-script';
import { formatColumns, formatNumber } from './results/format-table';
import { buildTargets } from './servers/bench-targets';
import { BENCH_CLIENT, buildBenchDocument, signIn } from './servers/start-bench-stack';
import { startAgentProcess } from './servers/start-agent-process';
import { startUpstream } from './servers/start-upstream';
import { verifyTarget } from './measure/verify-target';
import { ensureTools } from './tools/ensure-tools';
import { runWrk } from './wrk/run-wrk';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    path: { type: 'string', default: 'protected' },
    duration: { type: 'string', default: '15' },
    workers: { type: 'string', default: '1' },
    top: { type: 'string', default: '25' },
    keep: { type: 'string' },
    'agent-dir': { type: 'string' },
    tsx: { type: 'boolean', default: false },
    perf: { type: 'boolean', default: false },
  },
});
const caseId = values.path === 'open' ? 'agentOpen' : 'agentCookie';
const durationSeconds = Math.min(120, Math.max(1, Number(values.duration) || 15));
const log = (line: string) => process.stderr.write(`[profile] ${line}\n`);
const PERF_HZ = 499;
if (values.perf) ensureTools(log, ['perf']);

// --keep DIR leaves the raw .cpuprofile files (they open in Chrome DevTools) or perf.data there.
const profileDir = values.keep ?? (await mkdtemp(join(tmpdir(), 'gatehouse-profile-')));
const upstream = await startUpstream();
const port = await findFreePort();
const idp = await startDevIdp({
  port: 0,
  clients: [{ ...BENCH_CLIENT, redirectUris: [`http://127.0.0.1:${port}/.gatehouse/callback`] }],
});
const spawnedAt = performance.now();
const agent = await startAgentProcess({
  name: 'agent',
  document: buildBenchDocument({
    deploymentId: 'dep_profile',
    listenPort: port,
    upstreamUrl: upstream.url,
    issuer: idp.issuer,
  }),
  listenPort: port,
  workers: Number(values.workers),
  agentDir: values['agent-dir'],
  tsx: values.tsx,
  // --perf-basic-prof: V8 writes /tmp/perf-<pid>.map, which names JavaScript frames for perf.
  nodeArgs: values.perf ? ['--perf-basic-prof'] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
});
// Ready means its workers are up: the primary and every worker.
const agentPids = listProcessTree(agent.process.pid);
try {
  const sessionCookie = await signIn(agent.url);
  const address = { url: agent.url, pid: agent.process.pid, sessionCookie };
  // Only the agent's cases are profiled; the other proxies are not started.
  const notStarted = { url: upstream.url, pid: upstream.process.pid };
  const target = buildTargets(
    {
      upstream: notStarted,
      nginx: notStarted,
      agent: address,
      redisAgent: address,
      bareUndici: notStarted,
      bareNet: notStarted,
    },
    '1k',
  ).find((candidate) => candidate.caseId === caseId);
  if (!target) throw new Error(`no target ${caseId}`);
  await verifyTarget(target);
  log('warming up for 3 s');
  await runWrk({
    url: target.url,
    headers: target.headers,
    threads: 2,
    connections: 64,
    durationSeconds: 3,
  });
  const loadStartedAt = performance.now();
  log(`profiling ${caseId} for ${durationSeconds} s${values.perf ? ' with perf' : ''}`);
  const perf = values.perf
    ? spawnChild(
        'perf',
        'perf',
        [
          'record',
          ...['-F', String(PERF_HZ), '-g', '-o', join(profileDir, 'perf.data')],
          ...['-p', agentPids.join(','), '--', 'sleep', String(durationSeconds)],
        ],
        { env: buildChildEnvironment() },
      )
    : null;
  const report = await runWrk({
    url: target.url,
    headers: target.headers,
    threads: 2,
    connections: 64,
    durationSeconds,
  });
  log(`${formatNumber(report.requestsPerSecond)} req/s during the profile`);
  const rows = (entries: ReadonlyArray<{ name: string; share: number; milliseconds: number }>) =>
    formatColumns([
      ['', 'ms', 'share', 'µs/req'],
      ...entries.map((entry) => [
        entry.name,
        formatNumber(entry.milliseconds),
        `${formatNumber(entry.share * 100, 1)} %`,
        formatNumber((entry.milliseconds * 1000) / report.requests, 2),
      ]),
    ]);
  if (perf) {
    const { code } = await perf.exited;
    if (code !== 0) throw new Error(`perf record failed:\n${perf.output()}`);
    const script = spawnSync('perf', ['script', '-i', join(profileDir, 'perf.data')], {
      encoding: 'utf8',
      maxBuffer: 2 ** 30,
    });
    if (script.status !== 0) throw new Error(`perf script failed:\n${script.stderr}`);
    const summary = summarizePerfStacks(parsePerfScript(script.stdout.split('\n')), {
      top: Number(values.top) || 25,
    });
    const toMs = (samples: number) => (samples * 1000) / PERF_HZ;
    const withMs = (entries: typeof summary.areas) =>
      entries.map((entry) => ({ ...entry, milliseconds: toMs(entry.samples) }));
    process.stdout.write(
      `${caseId}: perf, ${agentPids.length} process(es), ${formatNumber(toMs(summary.samples))} ms of CPU, ` +
        `${formatNumber((toMs(summary.samples) * 1000) / report.requests, 1)} µs of CPU per request ` +
        `(kernel included)\n\nBy area\n${rows(withMs(summary.areas))}\n\n` +
        `By function (self)\n${rows(withMs(summary.functions))}\n`,
    );
  } else {
    await agent.close();
    const files = (await readdir(profileDir)).filter((file) => file.endsWith('.cpuprofile'));
    const profiles = await Promise.all(
      files.map(
        async (file) => JSON.parse(await readFile(join(profileDir, file), 'utf8')) as CpuProfile,
      ),
    );
    const summary = summarizeCpuProfiles(profiles, {
      sinceMicros: (loadStartedAt - spawnedAt) * 1000,
      top: Number(values.top) || 25,
    });
    const perRequest = (summary.busyMilliseconds * 1000) / report.requests;
    process.stdout.write(
      `${caseId}: ${files.length} profile(s), ${formatNumber(summary.busyMilliseconds)} ms busy, ` +
        `${formatNumber(perRequest, 1)} µs of agent JavaScript thread per request\n\n` +
        `By area\n${rows(summary.areas)}\n\nBy function (self time)\n${rows(summary.functions)}\n`,
    );
  }
} finally {
  await agent.close();
  await idp.close();
  await upstream.process.stop();
  if (values.keep === undefined) await rm(profileDir, { recursive: true, force: true });
  if (values.perf) {
    for (const pid of agentPids) await rm(`/tmp/perf-${pid}.map`, { force: true });
  }
}
process.exit(0);
