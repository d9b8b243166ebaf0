// Reads a child's heap through its inspector (node --inspect), after a full garbage collection,
// so a comparison between two moments measures what is still referenced, not what the
// collector has not got round to yet.
import WebSocket from 'ws';

export interface HeapInspector {
  /** Bytes of heap in use right after a full collection. */
  measureHeapAfterGc(): Promise<number>;
  close(): void;
}

export async function connectHeapInspector(inspectPort: number): Promise<HeapInspector> {
  const targets = (await (
    await fetch(`http://127.0.0.1:${inspectPort}/json/list`)
  ).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const target = targets[0];
  if (!target) throw new Error(`no inspector target on port ${inspectPort}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on('message', (data: WebSocket.RawData) => {
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.from(data as ArrayBuffer).toString('utf8');
    const message = JSON.parse(text) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });

  return {
    async measureHeapAfterGc() {
      await send('HeapProfiler.collectGarbage');
      const result = (await send('Runtime.evaluate', {
        expression: 'process.memoryUsage().heapUsed',
        returnByValue: true,
      })) as { result: { value: number } };
      return result.result.value;
    },
    close: () => socket.close(),
  };
}
