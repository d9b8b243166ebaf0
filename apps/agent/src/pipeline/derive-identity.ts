import type { Session } from '../session/session';
import type { AppRuntime, DerivedIdentity } from './context';

/**
 * Role mapping and attribute values depend only on the session and the configuration, so they
 * are computed once per session object (the session cache hands out the same object for the
 * same cookie) and kept until either changes: per request it is one WeakMap lookup.
 */
export function deriveIdentity(app: AppRuntime, session: Session): DerivedIdentity {
  let derived = app.derived.get(session);
  if (derived === undefined) {
    const role = app.mapRole(session.identity);
    const passed = app.passAttributes(session.identity, role.ok ? role.role : null);
    // The signed assertion, when there is one, takes the place of a row of the same name.
    const assertionHeader = app.config.assertion.headerName.toLowerCase();
    const headers: string[] = [];
    for (const [name, value] of passed.headers) {
      const lower = name.toLowerCase();
      if (passed.assertionClaims === null || lower !== assertionHeader) headers.push(lower, value);
    }
    derived = {
      role,
      headers,
      cookie: passed.cookie,
      assertionClaims: passed.assertionClaims,
      assertion: null,
    };
    app.derived.set(session, derived);
  }
  return derived;
}
