// What other packages (the benchmark, the security suite, the e2e specs) use to run a real agent
// process: the console stand-in it syncs from, its entry point, and the process itself.
export { startFakeConsole, type FakeConsole } from '../control/testing/fake-console';
export { findFreePort, pollUntil, probe, type ProbeResponse } from '../control/testing/http-probe';
export {
  AGENT_MAIN_PATH,
  AGENT_PACKAGE_DIR,
  startAgentProcess,
  type AgentProcess,
  type AgentProcessOptions,
} from './agent-process';
export { spawnChild, waitForHttp, type Child } from './child-process';
export { buildChildEnvironment } from './env';
export { EXIT_PROVISIONING_KEY_REJECTED } from '../exit-codes';

// What the security suite (security/) needs to act as a deployment's key holder: seal and open
// the session cookies every agent of a deployment reads.
export { createSessionKeyring, type SessionKeyring } from '../session/session-keyring';
export type { Session } from '../session/session';
