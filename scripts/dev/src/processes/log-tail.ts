import type { Readable } from 'node:stream';

/** The last lines a child process printed, kept for the error message when it fails. */
export class LogTail {
  private readonly lines: string[] = [];

  constructor(
    private readonly onLine: ((line: string) => void) | undefined,
    private readonly limit = 40,
  ) {}

  follow(stream: Readable | null): void {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const pieces = (partial + chunk).split('\n');
      partial = pieces.pop() ?? '';
      for (const line of pieces) this.add(line);
    });
    stream?.on('end', () => {
      if (partial !== '') this.add(partial);
      partial = '';
    });
  }

  text(): string {
    return this.lines.join('\n');
  }

  private add(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.limit) this.lines.shift();
    this.onLine?.(line);
  }
}
