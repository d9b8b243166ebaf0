import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TApplicationConfig } from '@gatehouse/contract';
import type { TrafficCounters } from '../observability/traffic-metrics';
import type { Logger } from '../observability/logger';
import type { UpstreamBalancer } from '../proxy/upstream-balancer';
import type { SamlReplayCache } from '../saml/replay-cache';
import type { BoundIdp } from '../saml/saml-idp';
import type { Session } from '../session/session';
import type { SessionKeyring } from '../session/session-keyring';
import type { SessionStore } from '../session/session-store';
import type { AssertionKeys, AssertionSettings } from './attributes/assertion-signer';
import type { AttributePass } from './attributes/compile-attribute-pass';
import type { IpRanges } from './ip-ranges';
import type { RoleMapper } from './role-mapping';
import type { MatchedRule, RuleMatcher } from './rules/compile-rules';
import type { StripList } from './strip-headers';

/** One application's configuration compiled into what the steps use; built once per version. */
export interface AppRuntime {
  readonly config: TApplicationConfig;
  readonly deploymentId: string;
  /** `https://cvat.example`: the only origin a user is ever sent back to. */
  readonly origin: string;
  /** `host[:port]` of the application URL, for X-Forwarded-Host. */
  readonly host: string;
  readonly secure: boolean;
  /** The reserved path prefix, e.g. `/.gatehouse`. */
  readonly prefix: string;
  /** `<origin><prefix>/callback`, registered at the IdP. */
  readonly redirectUri: string;
  /** Every agent cookie of this application starts with this (see AGENT_COOKIE_PREFIX). */
  readonly cookieBase: string;
  readonly strip: StripList;
  readonly matchRule: RuleMatcher;
  readonly mapRole: RoleMapper;
  readonly passAttributes: AttributePass;
  readonly trustedProxies: IpRanges | null;
  readonly keyring: SessionKeyring;
  readonly sessions: SessionStore;
  /** The IdPs users may choose (OIDC or SAML), in the configured order. */
  readonly idps: ReadonlyMap<string, BoundIdp>;
  /** Assertion IDs already used to sign in, shared across configuration versions. */
  readonly samlReplayCache: SamlReplayCache;
  readonly upstreams: UpstreamBalancer;
  readonly assertionKeys: AssertionKeys;
  readonly assertion: AssertionSettings;
  /** Per-session work (role, attribute values, signed assertion) done once per configuration. */
  readonly derived: WeakMap<Session, DerivedIdentity>;
  readonly logger: Logger;
  readonly metrics: TrafficCounters;
  /** The upstream latency histogram of this application, labelled once. */
  readonly upstreamLatency: { observe(seconds: number): void };
  readonly refreshes: Map<string, Promise<Session>>;
}

export interface DerivedIdentity {
  role: { ok: true; role: string | null } | { ok: false; reason: string };
  /** Attribute-pass headers, a flat `[name, value, …]` list with lower-case names. */
  headers: readonly string[];
  cookie: string;
  assertionClaims: Record<string, unknown> | null;
  assertion: { token: string; expiresAt: number } | null;
}

/** Where the answer goes: an HTTP response, or the raw socket of an upgrade request. */
export type Destination =
  { kind: 'response'; res: ServerResponse } | { kind: 'upgrade'; socket: Duplex; head: Buffer };

/** Everything one request accumulates on its way through the steps. */
export interface RequestContext {
  readonly app: AppRuntime;
  readonly req: IncomingMessage;
  readonly destination: Destination;
  readonly requestId: string;
  readonly method: string;
  readonly clientAddress: string;
  /** Decoded, normalized path (set by normalize). */
  path: string;
  /** The same path, canonically encoded, for the upstream. */
  encodedPath: string;
  /** The raw query with its `?`, or ''. */
  search: string;
  /** Headers for the upstream, a flat `[name, value, …]` list: the client's that may go (set by
   * strip), then the identity (pass attributes), then forwarding (forward). */
  upstreamHeaders: string[];
  upstreamCookie: string;
  agentCookies: ReadonlyMap<string, string>;
  rule: MatchedRule | null;
  session: Session | null;
  derived: DerivedIdentity | null;
  /** Set-Cookie values the agent adds to whatever answer goes back. */
  responseCookies: string[];
}

export type StepOutcome = 'next' | 'done';
export type PipelineStep = (ctx: RequestContext) => StepOutcome | Promise<StepOutcome>;
