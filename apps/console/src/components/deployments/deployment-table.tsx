import Link from 'next/link';
import { Badge } from '../ui/badge';
import { Table, Tbody, Td, Th } from '../ui/table';
import type { DeploymentOverview } from '@/ui/load-overview';

export function DeploymentTable({ rows }: { rows: DeploymentOverview[] }) {
  return (
    <Table label="Deployments">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Applications</Th>
          <Th>Agents</Th>
          <Th>Config version</Th>
          <Th>Created</Th>
        </tr>
      </thead>
      <Tbody>
        {rows.map(({ deployment, applications, incompleteApplications, agents, agentsOnline }) => (
          <tr key={deployment.id} className="hover:bg-slate-50">
            <Td>
              <Link
                href={`/deployments/${deployment.id}`}
                className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
              >
                {deployment.name}
              </Link>
              {deployment.description && (
                <p className="max-w-xs truncate text-xs text-slate-500">{deployment.description}</p>
              )}
            </Td>
            <Td>
              {applications}
              {incompleteApplications > 0 && (
                <span className="ml-2">
                  <Badge tone="amber">{incompleteApplications} incomplete</Badge>
                </span>
              )}
            </Td>
            <Td>
              {agents === 0 ? (
                <Badge tone="gray">No agent yet</Badge>
              ) : (
                <Badge tone={agentsOnline > 0 ? 'green' : 'red'} dot>
                  {agentsOnline} of {agents} online
                </Badge>
              )}
            </Td>
            <Td className="font-mono text-xs">v{deployment.configVersion}</Td>
            <Td className="text-xs text-slate-500">{formatDate(deployment.createdAt)}</Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}

export function formatDate(iso: string): string {
  return (
    new Date(iso).toLocaleString('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    }) + ' UTC'
  );
}
