import { NewIdentityProviderForm } from '@/components/identity-providers/new-identity-provider-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDeployment } from '@/server/deployments/get-deployment';
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
  return (
    <>
      <PageHeader
        title="Add an identity provider"
        description="Register an application (client) at your provider first; its redirect URI is each application's URL followed by /.gatehouse/callback (or its reserved prefix)."
        crumbs={[
          { label: 'Deployments', href: '/deployments' },
          { label: deployment.name, href: `/deployments/${id}?tab=identity-providers` },
          { label: 'New identity provider' },
        ]}
      />
      <NewIdentityProviderForm deploymentId={id} presets={presetOptions()} />
    </>
  );
}
