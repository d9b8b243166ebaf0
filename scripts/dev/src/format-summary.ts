export interface SummaryFacts {
  applicationUrl: string;
  consoleUrl: string;
  idpUrl: string;
  upstreamUrl: string;
  agentAdminUrl: string;
  owner: { email: string; password: string };
  apiToken: string;
  dataDir: string;
  /** Where the database is: the embedded one's address, or "DATABASE_URL". */
  database: string;
}

/** What `pnpm dev` prints once everything is up. Its first line is what tests wait for. */
export function formatSummary(facts: SummaryFacts): string {
  const demoUser = (email: string, groups: string) => `      ${email} / password   ${groups}`;
  return [
    '',
    'Gatehouse is ready.',
    '',
    `  Demo application  ${facts.applicationUrl}   (CVAT demo behind the agent; sign in as)`,
    demoUser('alice@example.com', '(cvat-admins: CVAT admin)'),
    demoUser('bob@example.com  ', '(cvat-users: CVAT user)'),
    demoUser('carol@example.com', '(no group: CVAT worker)'),
    `  Console           ${facts.consoleUrl}   ${facts.owner.email} / ${facts.owner.password}`,
    `  API token         ${facts.apiToken}`,
    `                    curl -H "Authorization: Bearer ${facts.apiToken}" ${facts.consoleUrl}/api/v1/me`,
    `  API reference     ${facts.consoleUrl}/docs/api`,
    `  Dev IdP           ${facts.idpUrl}`,
    `  Demo upstream     ${facts.upstreamUrl}   (directly, without the agent)`,
    `  Agent admin       ${facts.agentAdminUrl}/readyz   ${facts.agentAdminUrl}/metrics`,
    `  Data              ${facts.dataDir}   (${facts.database})`,
    '',
    'Ctrl-C stops everything; the next `pnpm dev` keeps the data.',
    '',
  ].join('\n');
}
