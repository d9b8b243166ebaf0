// The only place the benchmark reads its own environment: child processes get a small, explicit
// environment (what they need to run, nothing of the caller's secrets).
const PASSED_THROUGH = ['PATH', 'HOME', 'TMPDIR', 'LANG'] as const;

export function buildChildEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value !== undefined) environment[name] = value;
  }
  return { ...environment, ...extra };
}
