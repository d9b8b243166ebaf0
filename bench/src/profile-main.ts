// `pnpm --filter @gatehouse/bench profile`: a V8 CPU profile of the agent while wrk loads one
// path, summarized by function and by area (package, Node internals, agent file, GC).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort } from '@gatehouse/agent/testing';
import { startDevIdp } from '@gatehouse/dev-idp';
import { buildTargets } from './servers/bench-targets';
import { summarizeCpuProfiles, type CpuProfile } from './profile/summarize-cpu-profile';
import { formatColumns, formatNumber } from './results/format-table';
import { BENCH_CLIENT, buildBenchDocument, signIn } from './servers/start-bench-stack';
import { startAgentProcess } from './servers/start-agent-process';
import { startUpstream } from './servers/start-upstream';
import { verifyTarget } from './measure/verify-target';
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
  },
});
const caseId = values.path === 'open' ? 'agentOpen' : 'agentCookie';
const durationSeconds = Math.min(120, Math.max(1, Number(values.duration) || 15));
const log = (line: string) => process.stderr.write(`[profile] ${line}\n`);

// --keep DIR leaves the raw .cpuprofile files there (they open in Chrome DevTools).
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
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
});
try {
  const sessionCookie = await signIn(agent.url);
  const address = { url: agent.url, pid: agent.process.pid, sessionCookie };
  const target = buildTargets(
    {
      upstream: { url: upstream.url, pid: upstream.process.pid },
      nginx: { url: upstream.url, pid: upstream.process.pid },
      agent: address,
      redisAgent: address,
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
  log(`profiling ${caseId} for ${durationSeconds} s`);
  const report = await runWrk({
    url: target.url,
    headers: target.headers,
    threads: 2,
    connections: 64,
    durationSeconds,
  });
  log(`${formatNumber(report.requestsPerSecond)} req/s during the profile`);
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
      `${formatNumber(perRequest, 1)} µs of agent JavaScript thread per request\n\nBy area\n`,
  );
  const rows = (entries: typeof summary.areas) =>
    formatColumns([
      ['', 'self ms', 'share', 'µs/req'],
      ...entries.map((entry) => [
        entry.name,
        formatNumber(entry.milliseconds),
        `${formatNumber(entry.share * 100, 1)} %`,
        formatNumber((entry.milliseconds * 1000) / report.requests, 2),
      ]),
    ]);
  process.stdout.write(
    `${rows(summary.areas)}\n\nBy function (self time)\n${rows(summary.functions)}\n`,
  );
} finally {
  await agent.close();
  await idp.close();
  await upstream.process.stop();
  if (values.keep === undefined) await rm(profileDir, { recursive: true, force: true });
}
process.exit(0);
