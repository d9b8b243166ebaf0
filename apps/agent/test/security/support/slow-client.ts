// A client that announces a large body and then sends it at its own pace, to see whether a server
// answers without waiting for it and how long it lets the connection live.
import { connect } from 'node:net';

export interface SlowUpload {
  /** The status line of the answer, once it came. */
  answered: Promise<string>;
  /** Resolves when the server closed the connection, with the body bytes sent until then. */
  closed: Promise<number>;
  stop(): void;
}

export function startSlowUpload(
  origin: string,
  head: string,
  pace: { chunkBytes: number; everyMs: number },
): SlowUpload {
  const { hostname, port } = new URL(origin);
  const socket = connect({ host: hostname, port: Number(port) });
  let sent = 0;
  let received = '';
  let answer: (line: string) => void = () => undefined;
  const answered = new Promise<string>((resolve) => (answer = resolve));
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
    if (received.includes('\r\n')) answer(received.slice(0, received.indexOf('\r\n')));
  });
  socket.on('error', () => undefined);
  const timer = setInterval(() => {
    if (socket.writable) {
      socket.write(Buffer.alloc(pace.chunkBytes, 0x61));
      sent += pace.chunkBytes;
    }
  }, pace.everyMs);
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve(sent);
    }),
  );
  socket.write(head);
  return {
    answered,
    closed,
    stop() {
      clearInterval(timer);
      socket.destroy();
    },
  };
}
