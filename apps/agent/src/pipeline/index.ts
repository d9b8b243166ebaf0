// The agent's request pipeline (ARCHITECTURE.md "The agent's request pipeline"), top to bottom.
// Each step either passes the request on ('next') or answers it ('done'); each file opens with
// what it enforces. compile-application.ts builds the per-application state the steps read.
import { applyRules } from './apply-rules';
import { authorize } from './authorize';
import type { PipelineStep } from './context';
import { forward } from './forward';
import { normalizePath } from './normalize-path';
import { passAttributes } from './pass-attributes';
import { requireSession } from './require-session';
import { serveReservedPaths } from './serve-reserved-paths';
import { stripHeaders } from './strip-headers';

export const PIPELINE: readonly PipelineStep[] = [
  normalizePath, //       1. one unambiguous path for rules and upstream, or 400
  stripHeaders, //        2. client copies of identity headers and agent cookies never go upstream
  serveReservedPaths, //  3. <prefix>/login, /callback, /logout, /jwks.json, /healthz
  applyRules, //          4. first rule by priority: DENY → 403, NOT_PROTECTED skips 5–7
  requireSession, //      5. a valid session (refreshed before expiry), or off to sign in
  authorize, //           6. role mapping and the rule's identity conditions
  passAttributes, //      7. identity headers, cookies and the signed assertion
  forward, //             8. stream to an upstream server (or relay the WebSocket)
];
