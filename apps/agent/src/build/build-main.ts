// `pnpm --filter @gatehouse/agent build`: writes dist/main.mjs (see build-agent.ts).
import { buildAgentBundle } from './build-agent';

const path = await buildAgentBundle();
process.stdout.write(`agent bundle written to ${path}\n`);
