import { IdentityProviderEditor } from '@/components/identity-providers/identity-provider-editor';
import { IdentityProviderSummary } from '@/components/identity-providers/identity-provider-summary';
import { presetLabel } from '@/components/identity-providers/idp-draft';
import { SamlMetadataCard } from '@/components/identity-providers/saml-metadata-card';
import { ServiceProviderDetails } from '@/components/identity-providers/service-provider-details';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { getDeployment } from '@/server/deployments/get-deployment';
import { getIdentityProvider } from '@/server/identity-providers/get-identity-provider';
import { presetOptions } from '@/ui/preset-options';
import { canWrite, loadOrNotFound, requirePageActor } from '@/ui/session';

export const metadata = { title: 'Identity provider · Gatehouse' };

export default async function IdentityProviderPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const actor = await requirePageActor();
  const { id } = await params;
  const idp = await loadOrNotFound(getIdentityProvider(actor, id));
  const deployment = await getDeployment(actor, idp.deploymentId);
  const presets = presetOptions();
  const preset = presets.find((option) => option.id === idp.provider);
  const writer = canWrite(actor);

  return (
    <>
      <PageHeader
        title={idp.name}
        description={idp.issuer}
        crumbs={[
          { label: 'Deployments', href: '/deployments' },
          { label: deployment.name, href: `/deployments/${deployment.id}?tab=identity-providers` },
          { label: idp.name },
        ]}
        badge={<Badge tone="blue">{idp.protocol}</Badge>}
      />
      <div className="space-y-6">
        {idp.saml && (
          <ServiceProviderDetails
            serviceProviders={idp.saml.serviceProviders}
            emptyHint="No application uses this identity provider yet. Choose it on an application's Profile tab; its SP URLs then show here."
          />
        )}
        {writer ? (
          <IdentityProviderEditor key={idp.updatedAt} idp={idp} presets={presets} />
        ) : (
          <IdentityProviderSummary
            idp={idp}
            providerLabel={preset ? presetLabel(preset, idp.protocol) : idp.provider}
          />
        )}
        {idp.saml && <SamlMetadataCard saml={idp.saml} />}
      </div>
    </>
  );
}
