import { buildAgentBundle } from '@gatehouse/agent/build';
import { writeStackEnv } from './env';
import { startStack } from './start-stack';

/**
 * One stack for the whole run (a console build and start are the slow part); every spec makes
 * its own organization in it, so specs stay independent and run in parallel. The returned
 * function is Playwright's teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  // The specs that start an agent run the bundle the image runs; built once, here.
  const [stack] = await Promise.all([startStack(), buildAgentBundle()]);
  console.info(
    `e2e: stack up in ${((Date.now() - started) / 1000).toFixed(1)} s at ${stack.info.consoleUrl}`,
  );
  writeStackEnv(JSON.stringify(stack.info));
  return () => stack.stop();
}
