// Starts the dev IdP from the environment (see src/env.ts) and says how to use it.
import { loadClients } from './clients';
import { readEnv } from './env';
import { loadSamlServiceProviders } from './saml/service-providers';
import { loadSamlCredentials } from './saml/signing-credentials';
import { startDevIdp } from './server';
import { loadUsersFile } from './users';

const env = readEnv();
const users = await loadUsersFile(env.usersFile);
const idp = await startDevIdp({
  port: env.port,
  host: env.host,
  issuer: env.issuer,
  clients: await loadClients({ json: env.clientsJson, file: env.clientsFile }),
  users,
  cookieKeys: env.cookieKeys,
  saml: {
    serviceProviders: await loadSamlServiceProviders({
      json: env.samlSpsJson,
      file: env.samlSpsFile,
    }),
    credentials: env.samlCredentialFiles && (await loadSamlCredentials(env.samlCredentialFiles)),
  },
});

console.log(`dev IdP listening on ${idp.url}`);
console.log(`issuer: ${idp.issuer} (discovery: ${idp.issuer}/.well-known/openid-configuration)`);
console.log(`SAML entity ID and metadata: ${idp.saml.entityId}`);
for (const user of users) {
  const groups = user.groups.length ? user.groups.join(', ') : 'no groups';
  console.log(`  sign in as ${user.email} / ${user.password} (${groups})`);
}

const stop = () => {
  void idp.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
