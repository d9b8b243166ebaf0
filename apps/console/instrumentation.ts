// Next calls register() once when a server starts, before it answers any request: the place to
// refuse to start on a bad environment and to run the first-run bootstrap.
export async function register(): Promise<void> {
  // Next inlines NEXT_RUNTIME at build time, so the edge bundle drops the Node-only import below.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startConsole } = await import('./src/server/start-console');
  await startConsole();
}
