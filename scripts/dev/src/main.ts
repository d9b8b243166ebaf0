// `pnpm dev`: the whole Gatehouse stack on one machine (see start-dev-stack.ts), until Ctrl-C or
// SIGTERM stops it in order. Exits 0 when stopped by a signal, 1 when something failed.
import { readEnv } from './env';
import { createDevLog } from './log/dev-log';
import { describeExit, type Service } from './processes/spawn-service';
import { EXIT_PROVISIONING_KEY_REJECTED } from './services/start-agent';
import { startDevStack } from './start-dev-stack';

const log = createDevLog((text) => process.stdout.write(text));

let env;
try {
  env = readEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const starting = new AbortController();
const started = startDevStack(env, log, starting.signal);
let stoppingSince: number | undefined;

function stopAll(reason: string, exitCode: number): void {
  if (stoppingSince !== undefined) {
    // A terminal's Ctrl-C reaches pnpm too, which forwards it: the same keypress twice.
    if (Date.now() - stoppingSince > 2_000) log.info(`${reason}: already stopping, please wait`);
    return;
  }
  stoppingSince = Date.now();
  log.info(`${reason}: stopping everything`);
  starting.abort(new Error(reason));
  started
    // A start cut short has already stopped what it had started (start-dev-stack.ts).
    .then(
      (stack) => stack.stop(),
      () => undefined,
    )
    .then(
      () => {
        log.info('stopped');
        process.exit(exitCode);
      },
      (error: unknown) => {
        log.info(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => stopAll(signal, 0));
}

started.then(
  (stack) => stack.services.forEach(watchForUnexpectedExit),
  (error: unknown) => {
    if (stoppingSince !== undefined) return;
    log.info(
      `pnpm dev could not start:\n${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);

function watchForUnexpectedExit(service: Service): void {
  void service.exited.then((status) => {
    if (!service.wanted) return;
    if (service.name === 'agent' && status.code === EXIT_PROVISIONING_KEY_REJECTED) {
      // Revoking the demo key in the console is a legitimate thing to try: keep the rest
      // running; the next `pnpm dev` provisions a new key.
      log.info(
        'the agent stopped: the console refused its provisioning key (revoked or expired). ' +
          'The rest keeps running; restart pnpm dev to provision the agent with a new key.',
      );
      return;
    }
    stopAll(`${service.name} exited unexpectedly (${describeExit(status)})`, 1);
  });
}
