/**
 * The five ways a request reaches the upstream, measured side by side (issue 8's list), then two
 * bare proxies without authentication (`servers/bare-proxy-main.ts`): the agent's own stack
 * with nothing of the agent, and raw node:net, the headroom a different core could reach.
 */
export const CASES = [
  'direct',
  'nginx',
  'agentOpen',
  'agentCookie',
  'agentRedis',
  'bareUndici',
  'bareNet',
] as const;
export type CaseId = (typeof CASES)[number];

export const CASE_LABELS: Record<CaseId, string> = {
  direct: '1 upstream directly',
  nginx: '2 nginx proxy_pass',
  agentOpen: '3 agent, not protected',
  agentCookie: '4 agent, protected',
  agentRedis: '5 agent, protected, Redis',
  bareUndici: '6 bare node:http + undici',
  bareNet: '7 bare node:net',
};

export const AGENT_CASES: readonly CaseId[] = ['agentOpen', 'agentCookie', 'agentRedis'];

export const BODIES = { '1k': 1024, '100k': 100 * 1024 } as const;
export type BodyName = keyof typeof BODIES;
