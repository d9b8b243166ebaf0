// The console's process-wide resources (its Prisma clients, its LISTEN connection), released the
// way its tests release them. Loaded by path: the console is an app, not a library.
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../../../apps/console/src/server/', import.meta.url));

async function load<T>(file: string): Promise<T> {
  return (await import(/* @vite-ignore */ pathToFileURL(`${SERVER_DIR}${file}`).href)) as T;
}

export async function releaseConsoleResources(): Promise<void> {
  const [{ stopConfigListener }, { disconnectPrisma }] = await Promise.all([
    load<{ stopConfigListener: () => Promise<void> }>('agent-config/config-listener.ts'),
    load<{ disconnectPrisma: () => Promise<void> }>('db/get-prisma.ts'),
  ]);
  await stopConfigListener();
  await disconnectPrisma();
}
