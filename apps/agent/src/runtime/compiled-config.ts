import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TAgentConfig, TApplicationConfig } from '@gatehouse/contract';

/**
 * The seam between the agent's two halves. The control side (src/control) pulls and validates
 * configuration documents, owns the listeners and routes each request to an application; the
 * pipeline side (src/pipeline, src/oidc, src/session) compiles a document into handlers.
 *
 * A compiled application closes over the configuration it was compiled from, so a request that
 * started under version N finishes under version N even when N+1 is applied meanwhile.
 */
export interface CompiledApplication {
  readonly config: TApplicationConfig;
  /** Lower-case `host[:port]` of the application URL: how a shared listen port tells apps apart. */
  readonly host: string;
  /** Answers with `X-Request-Id: ensureRequestId(req)`, whatever the answer. */
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface CompiledConfig {
  readonly source: TAgentConfig;
  readonly applications: readonly CompiledApplication[];
  /** Releases what the compiled configuration holds (upstream pools) once it is replaced. */
  dispose(): Promise<void>;
}

/** Compiles a validated document; rejects with an Error whose message says what is wrong. */
export type CompileConfig = (config: TAgentConfig) => Promise<CompiledConfig>;
