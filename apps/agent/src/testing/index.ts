// What other packages (the benchmark) use to run a real agent process: the console stand-in it
// syncs from, and where its entry point is.
import { fileURLToPath } from 'node:url';

export { startFakeConsole, type FakeConsole } from '../control/testing/fake-console';
export { findFreePort, pollUntil, probe, type ProbeResponse } from '../control/testing/http-probe';

/** `src/main.ts`, as operators run it with `node --import tsx`. */
export const AGENT_MAIN_PATH = fileURLToPath(new URL('../main.ts', import.meta.url));

/** The agent package's directory (resolves `tsx` and the agent's dependencies). */
export const AGENT_PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

// What the security suite (security/) needs to act as a deployment's key holder: seal and open
// the session cookies every agent of a deployment reads.
export { createSessionKeyring, type SessionKeyring } from '../session/session-keyring';
export type { Session } from '../session/session';
