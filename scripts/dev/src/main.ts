// `pnpm --filter @gatehouse/dev-runner start`: today the database step of `pnpm dev` on its own
// (the embedded PostgreSQL unless DATABASE_URL is set), kept running until Ctrl-C or SIGTERM.
import { provideDatabase } from './database/provide-database';
import { readEnv } from './env';

let env;
try {
  env = readEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

let database;
try {
  database = await provideDatabase(env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

console.log(
  database.embedded
    ? `embedded PostgreSQL ready, data in ${env.dataDir}\nDATABASE_URL=${database.url}`
    : 'DATABASE_URL is set: nothing to start (the embedded PostgreSQL runs only without it)',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    database.stop().then(
      () => {
        console.log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('stopping the database failed:', error);
        process.exit(1);
      },
    );
  });
}
