// Enforces: the upstream learns who the user is only from what the agent sets here: the
// attribute-pass headers and cookies, and a signed assertion (ES256 JWT, `aud` = application
// URL, short expiry) in the assertion header. Requests without a session carry none of them.
import { signAssertion } from './attributes/assertion-signer';
import type { DerivedIdentity, PipelineStep, RequestContext, StepOutcome } from './context';
import { nowSeconds } from './sign-in';

/** Pipeline step 7. */
export const passAttributes: PipelineStep = (ctx) => {
  const { derived, session } = ctx;
  if (derived === null || session === null) return 'next';
  // Strip removed every client copy of these names, so adding never duplicates one.
  for (const item of derived.headers) ctx.upstreamHeaders.push(item);
  if (derived.cookie !== '') {
    ctx.upstreamCookie =
      ctx.upstreamCookie === '' ? derived.cookie : `${ctx.upstreamCookie}; ${derived.cookie}`;
  }
  if (derived.assertionClaims === null) return 'next';
  const now = nowSeconds();
  const { ttlSeconds } = ctx.app.assertion;
  // Re-signing on every request would put an ECDSA signature on the hot path; an assertion is
  // reused while more than half its lifetime remains.
  if (derived.assertion !== null && derived.assertion.expiresAt - now > ttlSeconds / 2) {
    return setAssertion(ctx, derived);
  }
  return signAssertion(
    ctx.app.assertionKeys,
    ctx.app.assertion,
    session.identity.sub,
    derived.assertionClaims,
    now,
  ).then((signed) => {
    derived.assertion = signed;
    return setAssertion(ctx, derived);
  });
};

function setAssertion(ctx: RequestContext, derived: DerivedIdentity): StepOutcome {
  if (derived.assertion) {
    ctx.upstreamHeaders.push(
      ctx.app.config.assertion.headerName.toLowerCase(),
      derived.assertion.token,
    );
  }
  return 'next';
}
