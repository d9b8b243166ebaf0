import { loadEnv } from './env';
import { startDemoUpstream } from './server';

let env;
try {
  env = loadEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const upstream = await startDemoUpstream(env);
console.log(`demo-upstream listening on ${env.host}:${upstream.port}; open ${upstream.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`demo-upstream: ${signal}, finishing in-flight requests`);
    upstream.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('demo-upstream: close failed', error);
        process.exit(1);
      },
    );
  });
}
