import { ApplicationsTab } from '@/components/deployments/applications-tab';
import { AgentsTab } from '@/components/deployments/agents-tab';
import { DeleteDeploymentButton } from '@/components/deployments/delete-deployment-button';
import { IdentityProvidersTab } from '@/components/deployments/identity-providers-tab';
import { ProvisioningKeysTab } from '@/components/deployments/provisioning-keys-tab';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { TabNav } from '@/components/ui/tabs';
import { listAgents } from '@/server/agents/list-agents';
import { listApplications } from '@/server/applications/list-applications';
import { getDeployment } from '@/server/deployments/get-deployment';
import { listIdentityProviders } from '@/server/identity-providers/list-identity-providers';
import { listProvisioningKeys } from '@/server/provisioning-keys/list-provisioning-keys';
import { canWrite, loadOrNotFound, requirePageActor } from '@/ui/session';

const TABS = ['applications', 'identity-providers', 'provisioning-keys', 'agents'] as const;
type Tab = (typeof TABS)[number];

export default async function DeploymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { tab: rawTab } = await searchParams;
  const tab: Tab = TABS.find((candidate) => candidate === rawTab) ?? 'applications';
  const deployment = await loadOrNotFound(getDeployment(actor, id));
  const [{ applications }, { identityProviders }, { provisioningKeys }, agentList] =
    await Promise.all([
      listApplications(actor, id),
      listIdentityProviders(actor, id),
      listProvisioningKeys(actor, id),
      listAgents(actor, id),
    ]);
  const writer = canWrite(actor);
  const online = agentList.agents.filter((agent) => agent.online).length;
  const href = (target: Tab) => `/deployments/${id}?tab=${target}`;

  return (
    <>
      <PageHeader
        title={deployment.name}
        description={deployment.description || undefined}
        crumbs={[{ label: 'Deployments', href: '/deployments' }, { label: deployment.name }]}
        badge={
          <Badge tone={online > 0 ? 'green' : 'gray'} dot>
            {online > 0 ? `${online} agent${online > 1 ? 's' : ''} online` : 'No agent online'}
          </Badge>
        }
        actions={writer && <DeleteDeploymentButton id={deployment.id} name={deployment.name} />}
      />
      <TabNav
        label="Deployment sections"
        current={tab}
        tabs={[
          {
            id: 'applications',
            label: 'Applications',
            href: href('applications'),
            count: applications.length,
          },
          {
            id: 'identity-providers',
            label: 'Identity providers',
            href: href('identity-providers'),
            count: identityProviders.length,
          },
          {
            id: 'provisioning-keys',
            label: 'Provisioning keys',
            href: href('provisioning-keys'),
            count: provisioningKeys.filter((key) => key.status === 'ACTIVE').length,
          },
          { id: 'agents', label: 'Agents', href: href('agents'), count: agentList.agents.length },
        ]}
      />
      {tab === 'applications' && (
        <ApplicationsTab deploymentId={id} applications={applications} writer={writer} />
      )}
      {tab === 'identity-providers' && (
        <IdentityProvidersTab
          deploymentId={id}
          identityProviders={identityProviders}
          applications={applications}
          writer={writer}
        />
      )}
      {tab === 'provisioning-keys' && (
        <ProvisioningKeysTab deploymentId={id} keys={provisioningKeys} writer={writer} />
      )}
      {tab === 'agents' && <AgentsTab list={agentList} />}
    </>
  );
}
