// The one place the agent's test helpers read the environment (the workspace lint rule allows it
// only in files named env.ts): the processes they start inherit it (PATH, NODE_OPTIONS, …).

/** The environment for a child process: ours plus `overrides`. */
export function buildChildEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
