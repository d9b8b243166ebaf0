import type { Actor } from '@/server/api/actor';
import { listAgents } from '@/server/agents/list-agents';
import { listApplications } from '@/server/applications/list-applications';
import { listDeployments } from '@/server/deployments/list-deployments';
import type { TDeploymentResponse } from '@/server/deployments/deployment.types';

export interface DeploymentOverview {
  deployment: TDeploymentResponse;
  applications: number;
  incompleteApplications: number;
  agentsOnline: number;
  agents: number;
}

/** Each deployment with its counts, for the dashboard and the deployments list. */
export async function loadOverview(actor: Actor): Promise<DeploymentOverview[]> {
  const { deployments } = await listDeployments(actor);
  return Promise.all(
    deployments.map(async (deployment) => {
      const [{ applications }, { agents }] = await Promise.all([
        listApplications(actor, deployment.id),
        listAgents(actor, deployment.id),
      ]);
      return {
        deployment,
        applications: applications.length,
        incompleteApplications: applications.filter((app) => app.status === 'INCOMPLETE').length,
        agentsOnline: agents.filter((agent) => agent.online).length,
        agents: agents.length,
      };
    }),
  );
}
