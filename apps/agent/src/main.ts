// The agent process, as operators run it. With AGENT_WORKERS above 1 (the default on a machine
// with several cores) node:cluster runs this file again in every worker; see src/cluster/.
import cluster from 'node:cluster';
import { countUsableCores } from './cluster/count-usable-cores';
import { loadEnv } from './env';

const env = loadEnv();
if (cluster.isWorker) {
  const { runWorker } = await import('./cluster/run-worker');
  await runWorker(env);
} else {
  const { runAgent } = await import('./run-agent');
  await runAgent(env, env.workers ?? countUsableCores());
}
