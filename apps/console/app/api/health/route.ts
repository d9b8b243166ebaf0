import { getPrisma } from '@/server/db/get-prisma';
import { withApi } from '@/server/api/with-api';
import { checkHealth } from '@/server/health/check-health';

export const dynamic = 'force-dynamic';

export const GET = withApi({ auth: 'none' }, async () => {
  const health = await checkHealth(getPrisma());
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
});
