// The one place this package reads or writes the environment (the workspace lint rule allows it
// only in files named env.ts): the in-process console reads its settings from it, exactly as it
// does when Next runs it. Children inherit it through @gatehouse/agent/testing.

/** Sets what the console's getEnv() reads; call before its first request. */
export function setConsoleEnvironment(settings: Record<string, string>): void {
  Object.assign(process.env, settings);
}

/** LOG_LEVEL for the agents the suite starts (LOG_LEVEL=debug to see what they did). */
export function readAgentLogLevel(): string {
  return process.env.GATEHOUSE_SECURITY_AGENT_LOG_LEVEL ?? 'warn';
}
