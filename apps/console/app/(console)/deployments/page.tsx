import { DeploymentTable } from '@/components/deployments/deployment-table';
import { NewDeploymentButton } from '@/components/deployments/new-deployment-button';
import { LinkButton } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ServerIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { loadOverview } from '@/ui/load-overview';
import { canWrite, requirePageActor } from '@/ui/session';

export const metadata = { title: 'Deployments · Gatehouse' };

export default async function DeploymentsPage() {
  const actor = await requirePageActor();
  const rows = await loadOverview(actor);
  const writer = canWrite(actor);
  return (
    <>
      <PageHeader
        title="Deployments"
        description="A deployment groups applications and identity providers served by the same cluster of agents."
        actions={writer && <NewDeploymentButton />}
      />
      <Card>
        {rows.length === 0 ? (
          <EmptyState
            icon={<ServerIcon className="size-6" />}
            title="No deployments yet"
            description={
              writer
                ? 'Getting started creates one together with your first application.'
                : 'An admin creates them; you will see them here.'
            }
            action={writer && <LinkButton href="/getting-started">Getting started</LinkButton>}
          />
        ) : (
          <DeploymentTable rows={rows} />
        )}
      </Card>
    </>
  );
}
