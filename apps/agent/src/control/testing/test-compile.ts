import type { ServerResponse } from 'node:http';
import type { CompileConfig, CompiledApplication } from '../../runtime/compiled-config';
import { ensureRequestId } from '../../runtime/request-id';

/**
 * A CompileConfig for the control side's tests, in place of the real pipeline: every
 * application answers `{ app, version, requestId }`, so a test sees which configuration served
 * it. `GET /hold` stays open until `releaseHeld()`, to prove an in-flight request finishes
 * under the configuration it started with. Upgrades answer 101 with `x-app`/`x-version` and
 * end, except on `/stay-open`.
 */
export function createTestCompile() {
  const held: Array<() => void> = [];
  const disposedVersions: number[] = [];

  const compile: CompileConfig = (config) => {
    const applications = config.applications.map((app): CompiledApplication => ({
      config: app,
      host: new URL(app.applicationUrl).host.toLowerCase(),
      handleRequest(req, res) {
        const answer = () =>
          sendJson(res, {
            app: app.name,
            version: config.version,
            requestId: ensureRequestId(req),
          });
        if (req.url === '/hold') held.push(answer);
        else answer();
      },
      handleUpgrade(req, socket) {
        const answer =
          'HTTP/1.1 101 Switching Protocols\r\nconnection: upgrade\r\nupgrade: test\r\n' +
          `x-app: ${app.name}\r\nx-version: ${config.version}\r\n\r\n`;
        // `/stay-open` plays a WebSocket that nobody closes.
        if (req.url === '/stay-open') socket.write(answer);
        else socket.end(answer);
      },
    }));
    return Promise.resolve({
      source: config,
      applications,
      dispose() {
        disposedVersions.push(config.version);
        return Promise.resolve();
      },
    });
  };

  return {
    compile,
    /** Versions whose compiled configuration was disposed, in order. */
    disposedVersions,
    heldCount: () => held.length,
    releaseHeld() {
      for (const answer of held.splice(0)) answer();
    },
  };
}

function sendJson(res: ServerResponse, body: { requestId: string; [key: string]: unknown }): void {
  // Like the pipeline: every answer an application sends carries its request id.
  res
    .writeHead(200, { 'content-type': 'application/json', 'x-request-id': body.requestId })
    .end(JSON.stringify(body));
}
