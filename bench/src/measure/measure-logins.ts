import { readTreeCpuSeconds } from '../processes/proc-stats';
import { signIn } from '../servers/start-bench-stack';

export interface LoginsResult {
  logins: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  /** Agent CPU per completed sign-in (the IdP's work is not in it). */
  agentCpuMillisPerLogin: number;
}

/**
 * `count` complete sign-ins (protected page → IdP login form → callback → page), `concurrency`
 * at a time, each in a fresh browser-like cookie jar. The dev IdP runs in this process: it is
 * part of what is measured, as a real IdP would be.
 */
export async function measureLogins(options: {
  agentUrl: string;
  agentPid: number;
  count: number;
  concurrency: number;
  timeoutMs: number;
}): Promise<LoginsResult> {
  const cpuBefore = readTreeCpuSeconds(options.agentPid);
  const started = performance.now();
  let next = 0;
  const deadline = AbortSignal.timeout(options.timeoutMs);
  async function worker(): Promise<void> {
    while (next < options.count) {
      if (deadline.aborted) throw new Error(`sign-ins took longer than ${options.timeoutMs} ms`);
      next += 1;
      await signIn(options.agentUrl);
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  const seconds = (performance.now() - started) / 1000;
  return {
    logins: options.count,
    concurrency: options.concurrency,
    seconds,
    perSecond: options.count / seconds,
    agentCpuMillisPerLogin:
      ((readTreeCpuSeconds(options.agentPid) - cpuBefore) * 1000) / options.count,
  };
}
