import { z } from 'zod';
import { isHttpToken } from '../checks/http-token';

export const ZId = z.string().min(1).max(64);

/** An absolute http(s) URL without credentials, query or fragment. */
export const ZHttpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    return (
      url !== null &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === ''
    );
  }, 'must be an absolute http:// or https:// URL without credentials, query or fragment');

export const ZPort = z.number().int().min(1).max(65535);

export const ZHttpToken = z
  .string()
  .min(1)
  .max(128)
  .refine(isHttpToken, "must be a valid HTTP token (letters, digits and !#$%&'*+-.^_`|~)");

/** A claim name or a dotted path into the claims (`email`, `realm_access.roles`). */
export const ZClaimPath = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z_][\w-]*(\.[\w-]+)*$/, 'must be a claim name or a dotted claim path');

export const ZSeconds = z.number().int().min(1);
