import { NewApplicationForm } from '@/components/applications/new-application-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDeployment } from '@/server/deployments/get-deployment';
import { listIdentityProviders } from '@/server/identity-providers/list-identity-providers';
import { loadOrNotFound, requirePageActor } from '@/ui/session';

export default async function NewApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const deployment = await loadOrNotFound(getDeployment(actor, id));
  const { identityProviders } = await listIdentityProviders(actor, id);
  return (
    <>
      <PageHeader
        title="Add an application"
        crumbs={[
          { label: 'Deployments', href: '/deployments' },
          { label: deployment.name, href: `/deployments/${id}` },
          { label: 'New application' },
        ]}
      />
      <NewApplicationForm
        deploymentId={id}
        idps={identityProviders.map((idp) => ({ id: idp.id, name: idp.name, issuer: idp.issuer }))}
      />
    </>
  );
}
