import type { z } from 'zod';
import { ZAgentConfig, type TAgentConfig } from './config/agent-config';
import type { TConfigProblem } from './heartbeat';

export type ValidationResult<T> =
  { ok: true; value: T } | { ok: false; problems: TConfigProblem[] };

/**
 * Checks a value against a schema and reports every problem at once, each with its path
 * written as `applications[0].rules[2].path`, so an admin can fix them all in one go.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): ValidationResult<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}

export function validateAgentConfig(input: unknown): ValidationResult<TAgentConfig> {
  return validateWith(ZAgentConfig, input);
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
