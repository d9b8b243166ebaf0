import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; `LOG_LEVEL` picks the level (validated in env.ts). */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { service: 'gatehouse-agent', ...bindings } });
}
