import { getEnv, isNextBuildPhase } from '@/env';
import { bootstrapOwner } from './accounts/bootstrap-owner';

/**
 * Server start-up: validate the whole environment (a missing or invalid variable stops the
 * server with a message saying what to set), then the idempotent first-run bootstrap.
 */
export async function startConsole(): Promise<void> {
  if (isNextBuildPhase()) return;
  const env = getEnv();
  const result = await bootstrapOwner(env.bootstrap);
  if (result === 'created') {
    console.info(
      `gatehouse: created the first owner ${env.bootstrap?.email} (organization "Default")`,
    );
  }
}
