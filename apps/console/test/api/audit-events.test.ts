import { startDevIdp, type DevIdp } from '@gatehouse/dev-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditRoute from '../../app/api/v1/audit-events/route';
import * as applicationRoute from '../../app/api/v1/applications/[id]/route';
import * as attributePassRoute from '../../app/api/v1/applications/[id]/attribute-pass/route';
import * as roleMappingRoute from '../../app/api/v1/applications/[id]/role-mapping/route';
import * as rulesRoute from '../../app/api/v1/applications/[id]/rules/route';
import * as cvatRoute from '../../app/api/v1/applications/[id]/presets/cvat/route';
import * as idpRoute from '../../app/api/v1/idps/[id]/route';
import * as keyRoute from '../../app/api/v1/provisioning-keys/[id]/route';
import * as invitationsRoute from '../../app/api/v1/invitations/route';
import * as invitationRoute from '../../app/api/v1/invitations/[id]/route';
import * as membersRoute from '../../app/api/v1/members/route';
import * as memberRoute from '../../app/api/v1/members/[id]/route';
import type { RouteHandler } from '@/server/api/with-api';
import type { TAuditEventListResponse } from '@/server/audit/audit-event.types';
import type { TMemberListResponse } from '@/server/accounts/member.types';
import { callRoute } from '../helpers/call-route';
import {
  createDeployment,
  createProvisioningKey,
  createReadyApplication,
} from '../helpers/api-fixtures';
import {
  seedMemberWithRole,
  seedOrganizationMember,
  startConsoleTest,
  type ConsoleTest,
} from '../helpers/console-test';

let t: ConsoleTest;
let idp: DevIdp;
beforeAll(async () => {
  [t, idp] = await Promise.all([startConsoleTest(), startDevIdp({ port: 0 })]);
});
afterAll(async () => {
  await Promise.all([t?.close(), idp?.close()]);
});

describe('audit events', () => {
  it('record every mutation with its actor, target, address and user agent', async () => {
    const owner = await seedOrganizationMember(t.db);
    const admin = await seedMemberWithRole(t.db, owner.organizationId, 'ADMIN');
    const headers = { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'audit-test/1.0' };
    const call = (handler: RouteHandler, method: string, id: string, body?: unknown) =>
      callRoute(handler, { method, auth: owner.token, params: { id }, body, headers });

    const { deployment, provider, app } = await createReadyApplication(owner.token, idp.issuer);
    const key = await createProvisioningKey(owner.token, deployment.id);
    await call(applicationRoute.PATCH, 'PATCH', app.id, { preserveHost: true });
    await call(attributePassRoute.PUT, 'PUT', app.id, { rows: [] });
    await call(roleMappingRoute.PUT, 'PUT', app.id, { rows: [], defaultRole: null });
    await call(rulesRoute.PUT, 'PUT', app.id, { rows: [] });
    await call(cvatRoute.POST, 'POST', app.id);
    await call(idpRoute.PATCH, 'PATCH', provider.id, { name: 'renamed' });
    await call(keyRoute.DELETE, 'DELETE', key.id);
    await call(applicationRoute.DELETE, 'DELETE', app.id);
    await call(idpRoute.DELETE, 'DELETE', provider.id);
    const invitation = await callRoute<{ id: string }>(invitationsRoute.POST, {
      method: 'POST',
      auth: owner.token,
      body: { email: 'audit-invitee@example.test', role: 'VIEWER' },
      headers,
    });
    await call(invitationRoute.DELETE, 'DELETE', invitation.body.id);
    const members = await callRoute<TMemberListResponse>(membersRoute.GET, { auth: owner.token });
    const adminMembership = members.body.members.find((member) => member.userId === admin.userId);
    await call(memberRoute.PATCH, 'PATCH', adminMembership?.id ?? '', { role: 'VIEWER' });
    await call(memberRoute.DELETE, 'DELETE', adminMembership?.id ?? '');

    // Read back a page at a time, oldest last.
    const actions: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: TAuditEventListResponse } = await callRoute<TAuditEventListResponse>(
        auditRoute.GET,
        {
          auth: owner.token,
          path: `/api/v1/audit-events?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        },
      );
      expect(page.body.auditEvents.length).toBeLessThanOrEqual(4);
      actions.push(...page.body.auditEvents.map((event) => event.action));
      cursor = page.body.nextCursor;
    } while (cursor);

    expect(actions.reverse()).toEqual([
      'deployment.create',
      'identity_provider.create',
      'application.create',
      'provisioning_key.create',
      'application.update',
      'application.attribute_pass.replace',
      'application.role_mapping.replace',
      'application.rules.replace',
      'application.preset.cvat',
      'identity_provider.update',
      'provisioning_key.revoke',
      'application.delete',
      'identity_provider.delete',
      'invitation.create',
      'invitation.delete',
      'membership.update',
      'membership.delete',
    ]);

    const latest = await callRoute<TAuditEventListResponse>(auditRoute.GET, {
      auth: owner.token,
      path: '/api/v1/audit-events?limit=1',
    });
    expect(latest.body.auditEvents[0]).toMatchObject({
      action: 'membership.delete',
      targetType: 'membership',
      targetId: adminMembership?.id,
      actor: { type: 'API_TOKEN', userId: owner.userId, apiTokenId: owner.tokenId },
      ip: '203.0.113.7',
      userAgent: 'audit-test/1.0',
    });
  });

  it('are filtered by target and never include another organization’s', async () => {
    const owner = await seedOrganizationMember(t.db);
    const other = await seedOrganizationMember(t.db);
    const deployment = await createDeployment(other.token);
    const mine = await callRoute<TAuditEventListResponse>(auditRoute.GET, {
      auth: owner.token,
      path: `/api/v1/audit-events?targetId=${deployment.id}`,
    });
    expect(mine.body).toEqual({ auditEvents: [], nextCursor: null });
    const theirs = await callRoute<TAuditEventListResponse>(auditRoute.GET, {
      auth: other.token,
      path: `/api/v1/audit-events?targetType=deployment`,
    });
    expect(theirs.body.auditEvents.map((event) => event.targetId)).toEqual([deployment.id]);
    const invalid = await callRoute(auditRoute.GET, {
      auth: owner.token,
      path: '/api/v1/audit-events?limit=0',
    });
    expect(invalid.status).toBe(422);
  });
});
