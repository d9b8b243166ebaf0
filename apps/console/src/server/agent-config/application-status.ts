/**
 * An application agents can serve needs at least one identity provider to sign users in with.
 * Until it has one it is INCOMPLETE: left out of the agents' document (which would otherwise be
 * invalid as a whole and block every other application of the deployment) and shown as such in
 * the API, so the console can say what is missing.
 */
export type ApplicationStatus = 'READY' | 'INCOMPLETE';

export function applicationStatus(app: { identityProviders: unknown[] }): {
  status: ApplicationStatus;
  statusReason: string | null;
} {
  if (app.identityProviders.length === 0) {
    return {
      status: 'INCOMPLETE',
      statusReason: 'Bind at least one identity provider; agents do not serve it until then.',
    };
  }
  return { status: 'READY', statusReason: null };
}
