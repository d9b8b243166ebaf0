import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass, LinkButton } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { inputClass } from '@/components/ui/input-class';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { formatDate } from '@/components/deployments/deployment-table';
import { ZAuditEventQuery } from '@/server/audit/audit-event.types';
import { listAuditEvents } from '@/server/audit/list-audit-events';
import { requirePageActor } from '@/ui/session';

export const metadata = { title: 'Audit log · Gatehouse' };

const TARGET_TYPES = [
  'deployment',
  'application',
  'identity_provider',
  'provisioning_key',
  'api_token',
  'membership',
  'invitation',
  'organization',
];

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const text = (key: string) =>
    typeof raw[key] === 'string' && raw[key] !== '' ? raw[key] : undefined;
  const query = ZAuditEventQuery.safeParse({
    limit: 50,
    cursor: text('cursor'),
    targetType: text('targetType'),
    targetId: text('targetId'),
  });
  const filters = query.success ? query.data : ZAuditEventQuery.parse({ limit: 50 });
  const { auditEvents, nextCursor } = await listAuditEvents(actor, filters);
  const next = new URLSearchParams();
  if (filters.targetType) next.set('targetType', filters.targetType);
  if (filters.targetId) next.set('targetId', filters.targetId);
  if (nextCursor) next.set('cursor', nextCursor);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in this organization: who, what, when and from where."
      />
      <Card>
        <form
          method="get"
          className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-4"
          role="search"
          aria-label="Filter audit events"
        >
          <label className="text-sm font-medium text-slate-800">
            Target type
            <select
              name="targetType"
              defaultValue={filters.targetType ?? ''}
              className={inputClass(false, 'mt-1.5 w-52 font-normal')}
            >
              <option value="">All</option>
              {TARGET_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium text-slate-800">
            Target id
            <input
              name="targetId"
              defaultValue={filters.targetId ?? ''}
              className={inputClass(false, 'mt-1.5 w-72 font-mono font-normal')}
            />
          </label>
          <button type="submit" className={buttonClass('secondary')}>
            Filter
          </button>
          {(filters.targetType || filters.targetId) && (
            <Link href="/audit-log" className="text-sm text-brand-700 hover:underline">
              Clear
            </Link>
          )}
        </form>
        {auditEvents.length === 0 ? (
          <EmptyState title="No events" description="Nothing matches these filters yet." />
        ) : (
          <Table label="Audit events">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Action</Th>
                <Th>Target</Th>
                <Th>Who</Th>
                <Th>From</Th>
              </tr>
            </thead>
            <Tbody>
              {auditEvents.map((event) => (
                <tr key={event.id}>
                  <Td className="text-xs whitespace-nowrap text-slate-500">
                    {formatDate(event.createdAt)}
                  </Td>
                  <Td>
                    <Badge tone="brand">{event.action}</Badge>
                  </Td>
                  <Td>
                    <Link
                      href={`/audit-log?targetType=${event.targetType}&targetId=${event.targetId}`}
                      className="text-xs text-slate-700 hover:underline"
                    >
                      {event.targetType.replace(/_/g, ' ')}{' '}
                      <span className="font-mono text-slate-400">
                        {event.targetId.slice(0, 10)}…
                      </span>
                    </Link>
                    {typeof event.metadata.name === 'string' && (
                      <p className="text-xs text-slate-500">{event.metadata.name}</p>
                    )}
                  </Td>
                  <Td className="text-xs">
                    {event.actor.type === 'API_TOKEN'
                      ? `token ${event.actor.apiTokenName ?? ''}`
                      : event.actor.type === 'SYSTEM'
                        ? 'system'
                        : event.actor.email}
                  </Td>
                  <Td className="font-mono text-xs text-slate-500">{event.ip ?? '—'}</Td>
                </tr>
              ))}
            </Tbody>
          </Table>
        )}
        {nextCursor && (
          <div className="flex justify-end border-t border-slate-200 px-5 py-3">
            <LinkButton href={`/audit-log?${next.toString()}`} variant="secondary" size="sm">
              Older events
            </LinkButton>
          </div>
        )}
      </Card>
    </>
  );
}
