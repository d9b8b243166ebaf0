/**
 * Docker Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}` and `$$`. Throws, like compose, for a missing required one.
 */
export function interpolate(text: string, variables: Record<string, string | undefined>): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, braced?: string, operator?: string, operand?: string, bare?: string) => {
      if (match === '$$') return '$';
      const name = braced ?? bare ?? '';
      const value = variables[name];
      const unset = operator?.startsWith(':')
        ? value === undefined || value === ''
        : value === undefined;
      if (operator?.endsWith('-')) return unset ? (operand ?? '') : (value ?? '');
      if (operator?.endsWith('?') && unset) {
        throw new Error(`required variable ${name} is missing a value: ${operand ?? ''}`);
      }
      return value ?? '';
    },
  );
}

/** Names every `${VAR…}` / `$VAR` in `text` refers to. */
export function listVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)|\$([A-Za-z_][A-Za-z0-9_]*)/g,
  )) {
    const name = match[1] ?? match[2];
    if (name) names.add(name); // `$$` is a literal dollar sign
  }
  return names;
}

/** `KEY=value` lines of an env file; commented-out `# KEY=value` lines count as documented. */
export function readEnvFile(text: string): {
  values: Record<string, string>;
  documented: Set<string>;
} {
  const values: Record<string, string> = {};
  const documented = new Set<string>();
  for (const line of text.split('\n')) {
    const match = /^\s*(#\s*)?([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    documented.add(match[2]!);
    if (!match[1]) values[match[2]!] = match[3]!.trim();
  }
  return { values, documented };
}

export interface ComposeService {
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | number | boolean>;
  ports?: unknown;
  expose?: unknown;
  profiles?: string[];
  networks?: unknown;
  read_only?: boolean;
  [key: string]: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** A service's environment as the program receives it: strings, interpolated. */
export function resolveEnvironment(
  service: ComposeService,
  variables: Record<string, string | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [
      name,
      interpolate(String(value), variables),
    ]),
  );
}
