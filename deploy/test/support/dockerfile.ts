export interface Instruction {
  keyword: string;
  /** Arguments with line continuations joined and comment lines removed. */
  args: string;
  stage: number;
}

export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  let stage = -1;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    pending += pending === '' ? line : ` ${line}`;
    if (pending.endsWith('\\')) {
      pending = pending.slice(0, -1).trimEnd();
      continue;
    }
    const match = /^([A-Za-z]+)\s+(.*)$/.exec(pending);
    pending = '';
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    if (keyword === 'FROM') stage += 1;
    instructions.push({ keyword, args: match[2]!, stage });
  }
  return instructions;
}

/** `ARG NAME=default` values, from any stage. */
export function readArgDefaults(instructions: Instruction[]): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const { keyword, args } of instructions) {
    const match = keyword === 'ARG' ? /^([A-Z_]+)=(\S+)$/.exec(args) : null;
    if (match) defaults.set(match[1]!, match[2]!);
  }
  return defaults;
}

/** Sources of `COPY` instructions that read the build context (not another stage). */
export function readContextCopies(instructions: Instruction[]): string[] {
  return instructions
    .filter(({ keyword, args }) => keyword === 'COPY' && !args.includes('--from='))
    .flatMap(({ args }) => {
      const words = args.split(/\s+/).filter((word) => !word.startsWith('--'));
      return words.slice(0, -1);
    });
}

/** Whether `.dockerignore` keeps `path` out of the build context (the patterns used here). */
export function isIgnored(dockerignore: string, path: string): boolean {
  let ignored = false;
  for (const rawLine of dockerignore.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (toRegex(negated ? line.slice(1) : line).test(path)) ignored = !negated;
  }
  return ignored;
}

function toRegex(pattern: string): RegExp {
  const parts = pattern.replace(/\/$/, '').split('/');
  const source = parts
    .map((part) => (part === '**' ? '(?:[^/]+/)*' : `${globToRegex(part)}/`))
    .join('')
    .replace(/\/$/, '');
  // A pattern matches the path itself and everything below it.
  return new RegExp(`^${source}(?:/.*)?$`);
}

function globToRegex(part: string): string {
  return part
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
}
