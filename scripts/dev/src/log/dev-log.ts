// One terminal, many programs: every line is prefixed with the name of the program that printed
// it, so interleaved output stays readable (`console  | ✓ Ready in 3.5s`).

const WIDTH = 8;

export interface DevLog {
  /** A line printed by a child process (or the embedded PostgreSQL). */
  line(source: string, text: string): void;
  /** The dev runner's own messages. */
  info(text: string): void;
  /** Text printed as is, without prefixes (the summary). */
  raw(text: string): void;
}

export function createDevLog(write: (text: string) => void): DevLog {
  const line = (source: string, text: string) =>
    write(`${source.padEnd(WIDTH)} | ${text.replace(/\r$/, '')}\n`);
  return {
    line,
    info: (text) => {
      for (const piece of text.split('\n')) line('dev', piece);
    },
    raw: (text) => write(text.endsWith('\n') ? text : `${text}\n`),
  };
}
