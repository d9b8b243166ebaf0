import { classifyArea, describeLocation } from './summarize-cpu-profile';

/**
 * Linux `perf` samples (`perf record -g` of processes started with `--perf-basic-prof`, read back
 * with `perf script`), summarized by area and by function. Unlike V8's own profiler, which samples
 * on a wall clock and so charges a function for the time its thread waited to run again, perf's
 * cpu-clock samples only time spent on a CPU, kernel included: what the agent costs the machine.
 */
export interface PerfFrame {
  symbol: string;
  /** `[kernel.kallsyms]`, `/usr/bin/node`, `[JIT] tid 123`, … */
  dso: string;
}

export interface PerfEntry {
  name: string;
  samples: number;
  /** Share of all samples, 0-1. */
  share: number;
}

export interface PerfSummary {
  samples: number;
  areas: PerfEntry[];
  /** Self samples by leaf function, most first. */
  functions: PerfEntry[];
}

// `\t    55d0c1a2b3c4 Builtins_LoadIC+0x44 (/usr/bin/node)`; perf leaves `[unknown]` symbols too.
const FRAME = /^\s+[0-9a-f]+\s+(.*?)\s+\(([^()]*)\)$/;
const GC = /Scavenger|MarkCompact|ConcurrentMarking|Heap::CollectGarbage|Sweeper|MinorMC/;
const KERNEL = '[kernel.kallsyms]';

/** Splits `perf script` output into stacks, leaf first. */
export function* parsePerfScript(lines: Iterable<string>): Generator<PerfFrame[]> {
  let stack: PerfFrame[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (stack.length > 0) yield stack;
      stack = [];
      continue;
    }
    const frame = FRAME.exec(line);
    if (frame) {
      stack.push({
        symbol: (frame[1] as string).replace(/\+0x[0-9a-f]+$/, ''),
        dso: frame[2] as string,
      });
    }
  }
  if (stack.length > 0) yield stack;
}

/**
 * Where one sample's CPU went: the garbage collector, the kernel on behalf of a system call (by
 * call), or the nearest JavaScript frame's area (an npm package, a Node internal module, the
 * agent's code), so that native code a JavaScript function called is charged to that function.
 */
export function classifyPerfSample(stack: readonly PerfFrame[]): string {
  if (stack.slice(0, 30).some((frame) => GC.test(frame.symbol))) return 'garbage collection';
  const leaf = stack[0];
  if (leaf === undefined) return 'unknown';
  if (leaf.dso === KERNEL) {
    const caller = stack.find((frame) => frame.dso !== KERNEL)?.symbol.toLowerCase() ?? '';
    if (/write|send/.test(caller)) return 'kernel: socket writes (delivery to the reader included)';
    if (/read|recv/.test(caller)) return 'kernel: socket reads';
    if (/epoll/.test(caller)) return 'kernel: epoll';
    return 'kernel: other';
  }
  for (const frame of stack) {
    if (frame.symbol.startsWith('JS:wasm')) return 'WebAssembly (undici: llhttp)';
    const js = parseJsSymbol(frame.symbol);
    if (js) return classifyArea(js.name, js.url);
  }
  if (stack.some((frame) => frame.symbol.startsWith('llhttp'))) return "node: HTTP server's parser";
  return 'native: Node, libuv, V8';
}

/** `JS:*writeH1 /…/client-h1.js:1144:18`: how --perf-basic-prof names a compiled function. */
function parseJsSymbol(symbol: string): { name: string; url: string; line: number } | null {
  const js = /^JS:[*~^]?(\S*) (\S+?)(?::(\d+):\d+)?$/.exec(symbol);
  if (!js) return null;
  const url = (js[2] as string).replace(/^file:\/\//, '');
  return { name: js[1] as string, url, line: js[3] === undefined ? 0 : Number(js[3]) };
}

/** A function as the V8 summary names it (`writeH1 undici/lib/dispatcher/client-h1.js:1144`). */
export function describePerfSymbol(symbol: string): string {
  const js = parseJsSymbol(symbol);
  if (!js) return symbol;
  return `${js.name || '(anonymous)'} ${describeLocation(js.url, js.line - 1)}`;
}

export function summarizePerfStacks(
  stacks: Iterable<readonly PerfFrame[]>,
  options: { top?: number } = {},
): PerfSummary {
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let samples = 0;
  for (const stack of stacks) {
    samples += 1;
    const area = classifyPerfSample(stack);
    areas.set(area, (areas.get(area) ?? 0) + 1);
    const leaf = describePerfSymbol(stack[0]?.symbol ?? 'unknown');
    functions.set(leaf, (functions.get(leaf) ?? 0) + 1);
  }
  const rank = (entries: Map<string, number>): PerfEntry[] =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.top ?? 25)
      .map(([name, count]) => ({
        name,
        samples: count,
        share: samples === 0 ? 0 : count / samples,
      }));
  return { samples, areas: rank(areas), functions: rank(functions) };
}
