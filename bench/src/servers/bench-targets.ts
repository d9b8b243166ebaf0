import { BODIES, type BodyName, type CaseId } from '../results/cases';

/** One case as wrk sees it: where to send what, and which process tree is the proxy. */
export interface Target {
  caseId: CaseId;
  url: string;
  headers: Readonly<Record<string, string>>;
  /** The proxy's root process, whose tree's CPU and memory are measured; null for direct. */
  proxyPid: number | null;
  /** What a correct answer looks like, checked before every measurement. */
  expect: { bodyBytes: number; identity: string | null };
}

// Every case carries the same browser-like headers and an application cookie, so the agent's
// header and cookie handling is measured on requests shaped like real ones.
export const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  Accept: 'application/json, text/plain, */*',
  'Accept-Language': 'en-US,en;q=0.9',
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) gatehouse-bench',
};
export const APP_COOKIE = 'csrftoken=8mQ2nQ0yZbq1x6Jc4w7Vt3R5p9L0s2Kd';
/** CVAT's "API clients" rule lets requests carrying a token through without SSO. */
export const API_TOKEN = 'Token 0123456789abcdef0123456789abcdef';
export const SIGNED_IN_EMAIL = 'alice@example.com';

export interface StackAddresses {
  upstream: { url: string; pid: number };
  nginx: { url: string; pid: number };
  agent: { url: string; pid: number; sessionCookie: string };
  redisAgent: { url: string; pid: number; sessionCookie: string };
  bareUndici: { url: string; pid: number };
  bareNet: { url: string; pid: number };
}

/** The seven cases for `body`, all on CVAT-like API paths (the CVAT preset rules for the agent). */
export function buildTargets(stack: StackAddresses, body: BodyName): Target[] {
  const path = `/api/bytes/${body}`;
  const bodyBytes = BODIES[body];
  const plain = { ...BROWSER_HEADERS, Cookie: APP_COOKIE };
  const anonymous = { bodyBytes, identity: null };
  const signedIn = { bodyBytes, identity: SIGNED_IN_EMAIL };
  return [
    {
      caseId: 'direct',
      url: `${stack.upstream.url}${path}`,
      headers: plain,
      proxyPid: null,
      expect: anonymous,
    },
    {
      caseId: 'nginx',
      url: `${stack.nginx.url}${path}`,
      headers: plain,
      proxyPid: stack.nginx.pid,
      expect: anonymous,
    },
    {
      caseId: 'agentOpen',
      url: `${stack.agent.url}${path}`,
      headers: { ...plain, Authorization: API_TOKEN },
      proxyPid: stack.agent.pid,
      expect: anonymous,
    },
    {
      caseId: 'agentCookie',
      url: `${stack.agent.url}${path}`,
      headers: { ...BROWSER_HEADERS, Cookie: `${APP_COOKIE}; ${stack.agent.sessionCookie}` },
      proxyPid: stack.agent.pid,
      expect: signedIn,
    },
    {
      caseId: 'agentRedis',
      url: `${stack.redisAgent.url}${path}`,
      headers: { ...BROWSER_HEADERS, Cookie: `${APP_COOKIE}; ${stack.redisAgent.sessionCookie}` },
      proxyPid: stack.redisAgent.pid,
      expect: signedIn,
    },
    {
      caseId: 'bareUndici',
      url: `${stack.bareUndici.url}${path}`,
      headers: plain,
      proxyPid: stack.bareUndici.pid,
      expect: anonymous,
    },
    {
      caseId: 'bareNet',
      url: `${stack.bareNet.url}${path}`,
      headers: plain,
      proxyPid: stack.bareNet.pid,
      expect: anonymous,
    },
  ];
}
