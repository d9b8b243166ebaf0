import Link from 'next/link';
import { Badge } from '../ui/badge';
import { LinkButton } from '../ui/button';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { AppIcon, PlusIcon } from '../ui/icons';
import { Table, Tbody, Td, Th } from '../ui/table';
import type { TApplicationResponse } from '@/server/applications/application.types';

export function ApplicationsTab({
  deploymentId,
  applications,
  writer,
}: {
  deploymentId: string;
  applications: TApplicationResponse[];
  writer: boolean;
}) {
  const add = writer && (
    <LinkButton href={`/deployments/${deploymentId}/applications/new`} size="sm">
      <PlusIcon className="size-4" /> Add application
    </LinkButton>
  );
  return (
    <Card>
      <CardHeader
        title="Applications"
        description="Web applications the agents of this deployment put single sign-on in front of."
        actions={applications.length > 0 && add}
      />
      {applications.length === 0 ? (
        <EmptyState
          icon={<AppIcon className="size-6" />}
          title="No applications yet"
          description="Add the first application this deployment protects."
          action={add}
        />
      ) : (
        <Table label="Applications">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Application URL</Th>
              <Th>Listen port</Th>
              <Th>Upstream</Th>
              <Th>Status</Th>
            </tr>
          </thead>
          <Tbody>
            {applications.map((app) => (
              <tr key={app.id} className="hover:bg-slate-50">
                <Td>
                  <Link
                    href={`/applications/${app.id}`}
                    className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {app.name}
                  </Link>
                  <span className="ml-2">
                    <Badge>{app.type}</Badge>
                  </span>
                </Td>
                <Td className="font-mono text-xs">{app.applicationUrl}</Td>
                <Td className="font-mono text-xs">{app.listenPort}</Td>
                <Td className="font-mono text-xs">
                  {app.upstreamServers[0]}
                  {app.upstreamServers.length > 1 && ` +${app.upstreamServers.length - 1}`}
                </Td>
                <Td>
                  {app.status === 'READY' ? (
                    <Badge tone="green" dot>
                      Ready
                    </Badge>
                  ) : (
                    <span title={app.statusReason ?? undefined}>
                      <Badge tone="amber" dot>
                        Incomplete
                      </Badge>
                    </span>
                  )}
                </Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
}
