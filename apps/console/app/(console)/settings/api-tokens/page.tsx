import { ApiTokensCard } from '@/components/settings/api-tokens-card';
import { PageHeader } from '@/components/ui/page-header';
import { listApiTokens } from '@/server/accounts/list-api-tokens';
import { isOwner, requirePageActor } from '@/ui/session';

export const metadata = { title: 'API tokens · Gatehouse' };

export default async function ApiTokensPage() {
  const actor = await requirePageActor();
  const { apiTokens } = await listApiTokens(actor);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            For scripts and CI: send <code>Authorization: Bearer ght_…</code> to the REST API. A
            token acts with your role (or a lower one you choose) and stops working when revoked.
          </>
        }
      />
      <ApiTokensCard
        tokens={apiTokens}
        role={actor.role}
        seesAll={isOwner(actor)}
        currentUserId={actor.userId}
      />
    </>
  );
}
