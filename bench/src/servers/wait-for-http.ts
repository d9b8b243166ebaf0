import { pollUntil, probe } from '@gatehouse/agent/testing';
import type { Child } from '../processes/spawn-child';

/** Polls `url` until it answers 200; fails early with the process output if it exits. */
export async function waitForHttp(url: string, child: Child, timeoutMs: number): Promise<void> {
  let exited = false;
  void child.exited.then(() => (exited = true));
  await pollUntil(
    async () => {
      if (exited) throw new Error(`${child.name} exited:\n${child.output()}`);
      return (await probe(url)).status;
    },
    (status) => status === 200 || exited,
    timeoutMs,
  ).catch((error: unknown) => {
    throw new Error(`${child.name} did not answer ${url}: ${String(error)}\n${child.output()}`);
  });
  if (exited) throw new Error(`${child.name} exited:\n${child.output()}`);
}
