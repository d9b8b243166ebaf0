import { Badge } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { ServerIcon } from '../ui/icons';
import { Table, Tbody, Td, Th } from '../ui/table';
import { formatDate } from './deployment-table';
import type { TAgentListResponse } from '@/server/agents/agent.types';

export function AgentsTab({ list }: { list: TAgentListResponse }) {
  return (
    <Card>
      <CardHeader
        title="Agents"
        description={`Agents report every 15 seconds; one silent for 45 seconds counts as offline. The deployment is at configuration version ${list.latestConfigVersion}.`}
      />
      {list.agents.length === 0 ? (
        <EmptyState
          icon={<ServerIcon className="size-6" />}
          title="No agent has connected yet"
          description="Start an agent with a provisioning key of this deployment; it shows up here after its first heartbeat."
        />
      ) : (
        <Table label="Agents">
          <thead>
            <tr>
              <Th>Status</Th>
              <Th>Hostname</Th>
              <Th>Version</Th>
              <Th>Config version</Th>
              <Th>Last seen</Th>
            </tr>
          </thead>
          <Tbody>
            {list.agents.map((agent) => (
              <tr key={agent.id}>
                <Td>
                  <Badge
                    tone={agent.online ? (agent.health === 'OK' ? 'green' : 'amber') : 'red'}
                    dot
                  >
                    {agent.online ? (agent.health === 'OK' ? 'Online' : 'Degraded') : 'Offline'}
                  </Badge>
                </Td>
                <Td>
                  <span className="font-medium text-slate-900">{agent.hostname}</span>
                  <p className="font-mono text-xs text-slate-500">{agent.instanceId}</p>
                  {agent.lastError && (
                    <p className="text-xs text-red-600">{agent.lastError.message}</p>
                  )}
                </Td>
                <Td className="font-mono text-xs">{agent.agentVersion}</Td>
                <Td>
                  <span className="font-mono text-xs">v{agent.configVersion ?? '—'}</span>{' '}
                  {agent.upToDate ? (
                    <Badge tone="green">current</Badge>
                  ) : (
                    <Badge tone="amber">behind</Badge>
                  )}
                </Td>
                <Td className="text-xs text-slate-500">{formatDate(agent.lastSeenAt)}</Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
}
