import type { TConfigProblem, THeartbeat } from '@gatehouse/contract';

type LastError = NonNullable<THeartbeat['lastError']>;

/** Limits of the heartbeat contract: a long problem list must not make the heartbeat invalid. */
const MAX_MESSAGE_LENGTH = 2000;
const MAX_PROBLEMS = 200;

/**
 * What the heartbeat reports beyond identity: the applied version and the error an admin should
 * look at. A refused document stays reported until a newer one is applied (the console keeps
 * offering it, the admin has to fix it); a failed pull is forgotten at the next good contact.
 */
export interface AgentStatus {
  readonly appliedVersion: number | null;
  readonly lastError: LastError | null;
  readonly health: THeartbeat['health'];
  recordApplied(version: number): void;
  recordRefused(message: string, problems: readonly TConfigProblem[]): void;
  recordSyncFailed(message: string): void;
  recordSyncSucceeded(): void;
}

export function createAgentStatus(now: () => Date = () => new Date()): AgentStatus {
  let appliedVersion: number | null = null;
  let refusal: LastError | null = null;
  let syncFailure: LastError | null = null;

  const describe = (message: string, problems: readonly TConfigProblem[]): LastError => ({
    message: message.slice(0, MAX_MESSAGE_LENGTH),
    at: now().toISOString(),
    problems: problems.slice(0, MAX_PROBLEMS),
  });

  return {
    get appliedVersion() {
      return appliedVersion;
    },
    get lastError() {
      return refusal ?? syncFailure;
    },
    get health() {
      return appliedVersion === null || refusal !== null || syncFailure !== null
        ? 'DEGRADED'
        : 'OK';
    },
    recordApplied(version) {
      appliedVersion = version;
      refusal = null;
      syncFailure = null;
    },
    recordRefused(message, problems) {
      refusal = describe(message, problems);
    },
    recordSyncFailed(message) {
      syncFailure = describe(message, []);
    },
    recordSyncSucceeded() {
      syncFailure = null;
    },
  };
}
