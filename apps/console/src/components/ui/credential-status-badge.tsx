import { Badge } from './badge';

const TONE = { ACTIVE: 'green', EXPIRED: 'amber', REVOKED: 'gray' } as const;

/** The status of a provisioning key or an API token: active, expired or revoked. */
export function CredentialStatusBadge({ status }: { status: keyof typeof TONE }) {
  return (
    <Badge tone={TONE[status]} dot>
      {status.toLowerCase()}
    </Badge>
  );
}
