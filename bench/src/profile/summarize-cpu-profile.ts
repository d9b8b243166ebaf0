/** The parts of V8's .cpuprofile format (the Chrome DevTools Profiler domain) we read. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  /** Share of the busy time (idle excluded), 0-1. */
  share: number;
  milliseconds: number;
}

export interface ProfileSummary {
  busyMilliseconds: number;
  /** By function, most expensive first (self time). */
  functions: ProfileEntry[];
  /** By where the code lives: an npm package, a Node internal area, an agent file, the GC. */
  areas: ProfileEntry[];
}

const IDLE = '(idle)';

/**
 * Self time per function and per area over one or more profiles (one per worker process),
 * counting only samples taken `sinceMicros` or later after each profile started (to leave out
 * start-up).
 */
export function summarizeCpuProfiles(
  profiles: readonly CpuProfile[],
  options: { sinceMicros?: number; top?: number } = {},
): ProfileSummary {
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let busy = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    let elapsed = 0;
    profile.samples.forEach((id, index) => {
      // timeDeltas[i] is the time since the previous sample: it belongs to sample i.
      const micros = profile.timeDeltas[index] ?? 0;
      elapsed += micros;
      const frame = byId.get(id)?.callFrame;
      if (elapsed < (options.sinceMicros ?? 0) || !frame || frame.functionName === IDLE) return;
      busy += micros;
      const where = describeLocation(frame.url, frame.lineNumber);
      const name = `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
      functions.set(name, (functions.get(name) ?? 0) + micros);
      const area = classifyArea(frame.functionName, frame.url);
      areas.set(area, (areas.get(area) ?? 0) + micros);
    });
  }
  const top = options.top ?? 25;
  const rank = (entries: Map<string, number>, limit: number): ProfileEntry[] =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, micros]) => ({
        name,
        milliseconds: micros / 1000,
        share: busy === 0 ? 0 : micros / busy,
      }));
  return {
    busyMilliseconds: busy / 1000,
    functions: rank(functions, top),
    areas: rank(areas, top),
  };
}

/** `undici/lib/dispatcher/client-h1.js:812` rather than a long file URL. */
export function describeLocation(url: string, lineNumber: number): string {
  if (url === '') return '';
  const line = lineNumber >= 0 ? `:${lineNumber + 1}` : '';
  const inPackage =
    /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (inPackage) return `${inPackage[1]}/${inPackage[2]}${line}`;
  const inRepo = /\/(apps|packages|bench)\/(.*)$/.exec(url);
  if (inRepo) return `${inRepo[1]}/${inRepo[2]}${line}`;
  return `${url}${line}`;
}

export function classifyArea(functionName: string, url: string): string {
  if (url === '') {
    // (garbage collector), (program), (root), and native functions without a script.
    return functionName.startsWith('(') ? functionName : 'native (V8 builtins)';
  }
  if (url.startsWith('node:')) {
    const area = /^node:(?:internal\/)?([^/]+)/.exec(url)?.[1] ?? url;
    return `node:${area}`;
  }
  const inPackage = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(
    url,
  );
  if (inPackage) return `npm:${inPackage[1]}`;
  const inRepo = /\/(apps\/[^/]+|packages\/[^/]+)\/src\/(.*)$/.exec(url);
  if (inRepo) return `${inRepo[1]}/${inRepo[2]}`;
  // The agent's bundle: its chunks are not its source files.
  const inBundle = /\/(apps\/[^/]+)\/dist\//.exec(url);
  if (inBundle) return `${inBundle[1]} (bundle)`;
  return url;
}
