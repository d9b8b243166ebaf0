import { randomBytes } from 'node:crypto';

// xs:ID values must be NCNames (start with a letter or "_"); 160 random bits keep them unguessable,
// which saml-core §1.3.4 requires of identifiers an attacker could otherwise predict and replay.
export function generateSamlId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}
