import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/** The file's contents, or undefined when it does not exist. A file that fails `schema` is an error. */
export async function readJsonFile<T extends z.ZodType>(
  path: string,
  schema: T,
): Promise<z.infer<T> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined; // refused below like any other content that is not ours
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `${path} is not what pnpm dev wrote there. Delete it (pnpm dev creates a new one) or fix it.`,
    );
  }
  return parsed.data;
}

/** Written whole (temporary file, then rename) and readable by this user only: it holds secrets. */
export async function writePrivateJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}
