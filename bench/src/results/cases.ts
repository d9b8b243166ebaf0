/** The five ways a request reaches the upstream, measured side by side (issue 8's list). */
export const CASES = ['direct', 'nginx', 'agentOpen', 'agentCookie', 'agentRedis'] as const;
export type CaseId = (typeof CASES)[number];

export const CASE_LABELS: Record<CaseId, string> = {
  direct: '1 upstream directly',
  nginx: '2 nginx proxy_pass',
  agentOpen: '3 agent, not protected',
  agentCookie: '4 agent, protected',
  agentRedis: '5 agent, protected, Redis',
};

/** Cases where a proxy sits between wrk and the upstream. */
export const PROXY_CASES: readonly CaseId[] = ['nginx', 'agentOpen', 'agentCookie', 'agentRedis'];
export const AGENT_CASES: readonly CaseId[] = ['agentOpen', 'agentCookie', 'agentRedis'];

export const BODIES = { '1k': 1024, '100k': 100 * 1024 } as const;
export type BodyName = keyof typeof BODIES;
