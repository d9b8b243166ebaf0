import { fileURLToPath } from 'node:url';

/** `dist/main.mjs`: the file images and the benchmark start with `node` (build-agent.ts). */
export const AGENT_BUNDLE_PATH = fileURLToPath(new URL('../../dist/main.mjs', import.meta.url));
