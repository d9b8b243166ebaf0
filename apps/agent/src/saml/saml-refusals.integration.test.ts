// Each defect an ACS must refuse, one at a time, forged with the dev IdP's own template and key
// (@gatehouse/dev-idp/testing). The first test proves the forging itself yields responses the
// agent accepts, so every refusal below is down to the one defect it names.
import {
  buildSignedSamlResponse,
  generateSamlCredentials,
  wrapSamlSignature,
  type SignatureWrappingShape,
} from '@gatehouse/dev-idp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, readWhoami } from '../pipeline/testing/browser';
import { expectRefused, postToAcs, startSamlSignIn } from './testing/saml-browser';
import { startSamlStack, type SamlStack } from './testing/start-saml-stack';

let stack: SamlStack;
beforeAll(async () => {
  stack = await startSamlStack();
});
afterAll(() => stack.close());

const BOB = { email: 'bob@example.com', username: 'bob', groups: ['cvat-users'] };
const HOUR_MS = 60 * 60 * 1000;

describe('the SAML ACS', () => {
  it('accepts a response forged exactly as the dev IdP signs it (the baseline)', async () => {
    const started = await startSamlSignIn(stack);
    const response = await postToAcs(
      stack,
      started,
      buildSignedSamlResponse(started.answer).samlResponse,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${stack.agent.url}/whoami?format=json`);
    const whoami = await readWhoami(
      await browse(started.jar, `${stack.agent.url}/whoami?format=json`),
    );
    expect(whoami.headers['x-email']).toEqual(['alice@example.com']);
    expect(whoami.headers['x-groups']).toEqual(['admin']);
  });

  it('refuses an unsigned response', async () => {
    const started = await startSamlSignIn(stack);
    const forged = buildSignedSamlResponse({ ...started.answer, sign: 'none' });
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /signature could not be verified/,
    );
  });

  it('refuses a response signed with a key the IdP does not have', async () => {
    const started = await startSamlSignIn(stack);
    const forged = buildSignedSamlResponse({
      ...started.answer,
      signWith: generateSamlCredentials(),
    });
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /signature could not be verified/,
    );
  });

  it('refuses an expired response', async () => {
    const started = await startSamlSignIn(stack);
    const forged = buildSignedSamlResponse({
      ...started.answer,
      issuedAt: new Date(Date.now() - HOUR_MS),
    });
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /expired|no valid subject confirmation/i,
    );
  });

  it('refuses a response that is not valid yet, beyond the allowed clock skew', async () => {
    const started = await startSamlSignIn(stack);
    const forged = buildSignedSamlResponse({
      ...started.answer,
      issuedAt: new Date(Date.now() + HOUR_MS),
    });
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /not yet valid|not valid yet|no valid subject confirmation/i,
    );
  });

  it('allows the configured clock skew past NotOnOrAfter, and no more', async () => {
    // Valid for 300 s from 330 s ago: NotOnOrAfter passed 30 s ago.
    const late = (answer: Parameters<typeof buildSignedSamlResponse>[0]) =>
      buildSignedSamlResponse({ ...answer, issuedAt: new Date(Date.now() - 330_000) });
    const withinSkew = await startSamlSignIn(stack);
    const accepted = await postToAcs(stack, withinSkew, late(withinSkew.answer).samlResponse);
    expect(accepted.status, await accepted.text()).toBe(302);
    try {
      await stack.reapply({ idp: { clockSkewSeconds: 10 } });
      const started = await startSamlSignIn(stack);
      const response = await postToAcs(stack, started, late(started.answer).samlResponse);
      await expectRefused(stack, started, response, /expired|no valid subject confirmation/i);
    } finally {
      await stack.reapply({});
    }
  });

  it('refuses a response for another audience', async () => {
    const started = await startSamlSignIn(stack);
    const forged = buildSignedSamlResponse({
      ...started.answer,
      audience: 'https://someone-else.example/saml/metadata',
    });
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /audience mismatch/,
    );
  });

  it('refuses a response from another issuer, even signed with the trusted key', async () => {
    const started = await startSamlSignIn(stack);
    const forged = buildSignedSamlResponse({
      ...started.answer,
      issuer: 'https://other-idp.example/saml/metadata',
    });
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /issued by &quot;https:\/\/other-idp\.example\/saml\/metadata&quot;/,
    );
  });

  it('refuses an assertion whose Recipient is another ACS', async () => {
    const started = await startSamlSignIn(stack);
    const forged = buildSignedSamlResponse({
      ...started.answer,
      recipient: 'https://someone-else.example/saml/acs',
    });
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /meant for https:\/\/someone-else\.example\/saml\/acs/,
    );
  });

  it('refuses a response whose Destination is another ACS', async () => {
    const started = await startSamlSignIn(stack);
    const forged = buildSignedSamlResponse({
      ...started.answer,
      acsUrl: 'https://someone-else.example/saml/acs',
    });
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /addressed to https:\/\/someone-else\.example\/saml\/acs/,
    );
  });

  it('refuses an unsolicited (IdP-initiated) response, even with a pending request', async () => {
    const started = await startSamlSignIn(stack);
    const { inResponseTo: _none, ...unsolicited } = started.answer;
    const forged = buildSignedSamlResponse(unsolicited);
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /InResponseTo is missing/,
    );
  });

  it('refuses an unsolicited response posted without a sign-in started in the browser', async () => {
    const started = await startSamlSignIn(stack);
    const { inResponseTo: _none, ...unsolicited } = started.answer;
    const response = await fetch(stack.sp.acsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({
        SAMLResponse: buildSignedSamlResponse(unsolicited).samlResponse,
        RelayState: `${stack.agent.url}/admin`,
      }),
      redirect: 'manual',
    });
    await expectRefused(
      stack,
      started,
      response,
      /does not belong to a sign-in started in this browser/,
      400,
    );
  });

  it('refuses a response that answers another sign-in request', async () => {
    const started = await startSamlSignIn(stack);
    const other = await startSamlSignIn(stack);
    const forged = buildSignedSamlResponse({
      ...started.answer,
      inResponseTo: other.request.id,
    });
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /InResponseTo is not valid/,
    );
  });

  it('refuses a response with only the assertion signed when a signed Response is required', async () => {
    try {
      await stack.reapply({ idp: { wantResponseSigned: true } });
      const started = await startSamlSignIn(stack);
      const forged = buildSignedSamlResponse({ ...started.answer, sign: 'assertion' });
      await expectRefused(
        stack,
        started,
        await postToAcs(stack, started, forged.samlResponse),
        /signature could not be verified/,
      );
    } finally {
      await stack.reapply({});
    }
  });

  it('refuses a response with only the Response signed when signed assertions are required', async () => {
    const started = await startSamlSignIn(stack);
    const forged = buildSignedSamlResponse({ ...started.answer, sign: 'response' });
    await expectRefused(
      stack,
      started,
      await postToAcs(stack, started, forged.samlResponse),
      /signature could not be verified/,
    );
  });
});

describe('XML signature wrapping', () => {
  type Signed = 'response-and-assertion' | 'assertion';
  const everyShape: [SignatureWrappingShape, Signed][] = [
    ['forged-assertion-first', 'response-and-assertion'],
    ['forged-assertion-wraps-original', 'response-and-assertion'],
    ['original-in-signature-object', 'assertion'],
    ['response-wraps-original', 'response-and-assertion'],
  ];
  const policies = [
    { label: 'signed assertions required', idp: {}, shapes: everyShape },
    {
      label: 'a signed Response required',
      idp: { wantResponseSigned: true, wantAssertionsSigned: false },
      // XSW8 moves an assertion-only signature: with the Response signature required it has none.
      shapes: everyShape.filter(([shape]) => shape !== 'original-in-signature-object'),
    },
  ];

  describe.each(policies)('with $label', ({ idp, shapes }) => {
    beforeAll(() => stack.reapply({ idp }));
    afterAll(() => stack.reapply({}));

    it.each(shapes)('refuses %s: bob signed, alice forged', async (shape, sign) => {
      const started = await startSamlSignIn(stack);
      const signedForBob = buildSignedSamlResponse({ ...started.answer, user: BOB, sign });
      // Unwrapped, bob's response signs bob in: the refusal below is down to the wrapping.
      expect(signedForBob.xml).toContain('bob@example.com');
      const wrapped = wrapSamlSignature(signedForBob.xml, { shape });
      expect(wrapped.xml).toContain('alice@example.com');
      const response = await postToAcs(stack, started, wrapped.samlResponse);
      await expectRefused(stack, started, response, /signature could not be verified/);
    });
  });

  it('lets the unwrapped response through, bob as bob', async () => {
    const started = await startSamlSignIn(stack);
    const signedForBob = buildSignedSamlResponse({ ...started.answer, user: BOB });
    expect((await postToAcs(stack, started, signedForBob.samlResponse)).status).toBe(302);
    const whoami = await readWhoami(
      await browse(started.jar, `${stack.agent.url}/whoami?format=json`),
    );
    expect(whoami.headers['x-email']).toEqual(['bob@example.com']);
    expect(whoami.headers['x-groups']).toEqual(['user']);
  });
});
