import { AdvancedTab } from '@/components/applications/advanced-tab';
import { ApplicationActions } from '@/components/applications/application-actions';
import { AttributePassTab } from '@/components/applications/attribute-pass-tab';
import { ProfileTab } from '@/components/applications/profile-tab';
import { RoleMappingTab } from '@/components/applications/role-mapping-tab';
import { RulesTab } from '@/components/applications/rules-tab';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { TabNav } from '@/components/ui/tabs';
import {
  getAttributePass,
  getRoleMapping,
  getRules,
} from '@/server/access-policies/get-access-policies';
import { getApplication } from '@/server/applications/get-application';
import { getDeployment } from '@/server/deployments/get-deployment';
import { listIdentityProviders } from '@/server/identity-providers/list-identity-providers';
import { canWrite, loadOrNotFound, requirePageActor } from '@/ui/session';

const TABS = [
  ['profile', 'Profile'],
  ['attribute-pass', 'Attribute Pass'],
  ['rules', 'Rules'],
  ['role-mapping', 'Role Mapping'],
  ['advanced', 'Advanced'],
] as const;
type Tab = (typeof TABS)[number][0];

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { tab: rawTab } = await searchParams;
  const tab: Tab = TABS.find(([candidate]) => candidate === rawTab)?.[0] ?? 'profile';
  const app = await loadOrNotFound(getApplication(actor, id));
  const [deployment, { identityProviders }, attributePass, rules, roleMapping] = await Promise.all([
    getDeployment(actor, app.deploymentId),
    listIdentityProviders(actor, app.deploymentId),
    getAttributePass(actor, id),
    getRules(actor, id),
    getRoleMapping(actor, id),
  ]);
  const writer = canWrite(actor);

  return (
    <>
      <PageHeader
        title={app.name}
        description={app.description || app.applicationUrl}
        crumbs={[
          { label: 'Deployments', href: '/deployments' },
          { label: deployment.name, href: `/deployments/${deployment.id}` },
          { label: app.name },
        ]}
        badge={
          app.status === 'READY' ? (
            <Badge tone="green" dot>
              Ready
            </Badge>
          ) : (
            <Badge tone="amber" dot>
              Incomplete
            </Badge>
          )
        }
        actions={
          writer && <ApplicationActions id={app.id} name={app.name} deploymentId={deployment.id} />
        }
      />
      {app.status === 'INCOMPLETE' && (
        <Alert tone="warning" title="Agents do not serve this application yet" className="mb-6">
          {app.statusReason ?? 'Bind an identity provider to it.'}
        </Alert>
      )}
      <TabNav
        label="Application settings"
        current={tab}
        tabs={TABS.map(([tabId, label]) => ({
          id: tabId,
          label,
          href: `/applications/${id}?tab=${tabId}`,
          ...(tabId === 'attribute-pass' && { count: attributePass.rows.length }),
          ...(tabId === 'rules' && { count: rules.rows.length }),
          ...(tabId === 'role-mapping' && { count: roleMapping.rows.length }),
        }))}
      />
      {tab === 'profile' && (
        <ProfileTab
          key={deployment.configVersion}
          app={app}
          idps={identityProviders.map((idp) => ({
            id: idp.id,
            name: idp.name,
            issuer: idp.issuer,
          }))}
          writer={writer}
        />
      )}
      {tab === 'attribute-pass' && (
        <AttributePassTab
          key={deployment.configVersion}
          applicationId={id}
          rows={attributePass.rows}
          writer={writer}
        />
      )}
      {tab === 'rules' && (
        <RulesTab
          key={deployment.configVersion}
          applicationId={id}
          rows={rules.rows}
          defaultAction={app.defaultAction}
          writer={writer}
        />
      )}
      {tab === 'role-mapping' && (
        <RoleMappingTab
          key={deployment.configVersion}
          applicationId={id}
          mapping={roleMapping}
          writer={writer}
        />
      )}
      {tab === 'advanced' && (
        <AdvancedTab key={deployment.configVersion} app={app} writer={writer} />
      )}
    </>
  );
}
