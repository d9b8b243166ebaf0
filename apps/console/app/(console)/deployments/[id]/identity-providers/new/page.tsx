import { NewIdentityProviderForm } from '@/components/identity-providers/new-identity-provider-form';
import { PageHeader } from '@/components/ui/page-header';
import { listApplications } from '@/server/applications/list-applications';
import { getDeployment } from '@/server/deployments/get-deployment';
import { describeServiceProvider } from '@/server/identity-providers/describe-service-provider';
import { presetOptions } from '@/ui/preset-options';
import { loadOrNotFound, requirePageActor } from '@/ui/session';

export default async function NewIdentityProviderPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const actor = await requirePageActor();
  const { id } = await params;
  const deployment = await loadOrNotFound(getDeployment(actor, id));
  const { applications } = await listApplications(actor, id);
  return (
    <>
      <PageHeader
        title="Add an identity provider"
        description="OpenID Connect: register an application (client) at your provider first; its redirect URI is each application's URL followed by /.gatehouse/callback (or its reserved prefix). SAML 2.0: register the service-provider URLs shown below at your IdP."
        crumbs={[
          { label: 'Deployments', href: '/deployments' },
          { label: deployment.name, href: `/deployments/${id}?tab=identity-providers` },
          { label: 'New identity provider' },
        ]}
      />
      <NewIdentityProviderForm
        deploymentId={id}
        presets={presetOptions()}
        serviceProviders={applications.map(describeServiceProvider)}
      />
    </>
  );
}
