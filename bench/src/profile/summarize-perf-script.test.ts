import { describe, expect, it } from 'vitest';
import {
  classifyPerfSample,
  describePerfSymbol,
  parsePerfScript,
  summarizePerfStacks,
} from './summarize-perf-script';

// Four samples as `perf script` prints them (stacks trimmed), from a profile of the agent.
const SCRIPT = `node  7413   354.744684:     500250 cpu-clock:ppp: 
	ffffffff81e9b88a __skb_datagram_iter+0xea ([kernel.kallsyms])
	ffffffff816d6a63 ksys_read+0xc3 ([kernel.kallsyms])
	           f82ec read+0x4c (/usr/lib/x86_64-linux-gnu/libc.so.6)
	         14b8b90 uv__stream_io+0xa0 (/usr/bin/node)

node  7413   354.745194:     500250 cpu-clock:ppp: 
	ffffffff8225fd19 pvm_irq_enable+0x19 ([kernel.kallsyms])
	           fde9d __GI___writev+0x4d (/usr/lib/x86_64-linux-gnu/libc.so.6)
	          9d759c node::StreamBase::Writev+0x66c (/usr/bin/node)
	    7ff077162dea JS:*writevGeneric node:internal/stream_base_commons:123:23+0x5ea (/tmp/perf-7413.map)
	    7ff07713dc8d JS:*onResponseEnd file:///work/main/apps/agent/dist/chunks/chunk-5JCP2DZ2.mjs:673:16+0x10d (/tmp/perf-7413.map)

node  7413   354.871055:     500250 cpu-clock:ppp: 
	          c49cec v8::internal::(anonymous namespace)::Invoke+0x93c (/usr/bin/node)
	         14ac8a7 uv_run+0x187 (/usr/bin/node)

node  7413   355.325032:     500250 cpu-clock:ppp: 
	          8825d3 node::Buffer::(anonymous namespace)::StringSlice<(node::encoding)1>+0x1d3 (/usr/bin/node)
	    7ff0771087e5 JS:*toString node:buffer:834:46+0x165 (/tmp/perf-7413.map)
	    7ff077110085 JS:*wasm_on_header_value /work/main/node_modules/.pnpm/undici@7.30.2/node_modules/undici/lib/dispatcher/client-h1.js:150:29+0x985 (/tmp/perf-7413.map)
	    2b8e25a17147 JS:wasm-function[49]-49-turbofan+0x87 (/tmp/perf-7413.map)

node  7413   355.400000:     500250 cpu-clock:ppp: 
	          c49000 v8::internal::Scavenger::ScavengeObject<v8::internal::FullHeapObjectSlot>+0x10 (/usr/bin/node)
	    7ff07713dc8d JS:* file:///work/main/apps/agent/dist/chunks/chunk-TULWH2Z6.mjs:245:7+0x10 (/tmp/perf-7413.map)
`;

describe('perf script summary', () => {
  const stacks = [...parsePerfScript(SCRIPT.split('\n'))];

  it('reads every sample, leaf first, with symbols whose own parentheses stay whole', () => {
    expect(stacks).toHaveLength(5);
    expect(stacks[0]?.[0]).toEqual({ symbol: '__skb_datagram_iter', dso: '[kernel.kallsyms]' });
    expect(stacks[2]?.[0]?.symbol).toBe('v8::internal::(anonymous namespace)::Invoke');
    expect(stacks[3]?.[0]?.symbol).toBe(
      'node::Buffer::(anonymous namespace)::StringSlice<(node::encoding)1>',
    );
  });

  it('charges kernel time to the system call and native time to the JavaScript that called it', () => {
    expect(stacks.map((stack) => classifyPerfSample(stack))).toEqual([
      'kernel: socket reads',
      'kernel: socket writes (delivery to the reader included)',
      'native: Node, libuv, V8',
      'node:buffer',
      'garbage collection',
    ]);
  });

  it('tells the agent bundle, npm packages and WebAssembly apart', () => {
    const agent = [
      { symbol: 'JS:*forward file:///srv/apps/agent/dist/chunks/c.mjs:1:2', dso: 'x' },
    ];
    const undici = [
      { symbol: 'Builtins_LoadIC', dso: '/usr/bin/node' },
      {
        symbol:
          'JS:*writeH1 /srv/node_modules/.pnpm/undici@7.30.2/node_modules/undici/lib/c.js:9:1',
        dso: 'x',
      },
    ];
    const wasm = [{ symbol: 'JS:wasm-function[20]-20-turbofan', dso: 'x' }];
    expect(classifyPerfSample(agent)).toBe('apps/agent (bundle)');
    expect(classifyPerfSample(undici)).toBe('npm:undici');
    expect(classifyPerfSample(wasm)).toBe('WebAssembly (undici: llhttp)');
  });

  it('names JavaScript functions by package file and line, as the V8 summary does', () => {
    expect(
      describePerfSymbol(
        'JS:*writeH1 /w/node_modules/.pnpm/undici@7.30.2/node_modules/undici/lib/dispatcher/client-h1.js:1144:18',
      ),
    ).toBe('writeH1 undici/lib/dispatcher/client-h1.js:1144');
    expect(describePerfSymbol('JS:* file:///w/apps/agent/src/proxy/f.ts:9:7')).toBe(
      '(anonymous) apps/agent/src/proxy/f.ts:9',
    );
    expect(describePerfSymbol('Builtins_LoadIC')).toBe('Builtins_LoadIC');
  });

  it('ranks areas and leaf functions by their share of the samples', () => {
    const jsLeaf = [{ symbol: 'JS:*toString node:buffer:834:46', dso: '/tmp/perf-7413.map' }];
    const summary = summarizePerfStacks([...stacks, stacks[0] as never, jsLeaf]);
    expect(summary.samples).toBe(7);
    expect(summary.areas[0]).toEqual({ name: 'kernel: socket reads', samples: 2, share: 2 / 7 });
    expect(summary.functions[0]?.name).toBe('__skb_datagram_iter');
    expect(summary.functions.map((entry) => entry.name)).toContain('toString node:buffer:834');
  });
});
