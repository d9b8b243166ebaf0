'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormMessage } from '../forms/form-message';
import { Button, LinkButton } from '../ui/button';
import { Card, CardBody, CardFooter } from '../ui/card';
import { emptyIdentityProvider, identityProviderRequest, type PresetOption } from './idp-draft';
import { IDENTITY_PROVIDER_FIELDS, IdentityProviderFields } from './idp-fields';
import { ServiceProviderDetails, type ServiceProviderUrls } from './service-provider-details';
import { createIdentityProviderAction } from '@/ui/actions/deployment-actions';
import type { FieldErrors } from '@/ui/action-result';

export function NewIdentityProviderForm({
  deploymentId,
  presets,
  serviceProviders,
}: {
  deploymentId: string;
  presets: PresetOption[];
  /** The SAML SP of each of the deployment's applications, to register before or after. */
  serviceProviders: ServiceProviderUrls[];
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(() => emptyIdentityProvider(presets[0] as PresetOption));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    const result = await createIdentityProviderAction(
      deploymentId,
      identityProviderRequest(draft, true),
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors);
      setMessage(result.message);
      return;
    }
    router.push(`/identity-providers/${result.data.id}`);
  }
  return (
    <Card>
      <CardBody className="space-y-6 py-6">
        <FormMessage
          message={message}
          errors={errors}
          placed={(path) => IDENTITY_PROVIDER_FIELDS.some((field) => path.startsWith(field))}
        />
        {draft.protocol === 'SAML' && (
          <ServiceProviderDetails
            serviceProviders={serviceProviders}
            emptyHint="This deployment has no application yet. Add one first: the URLs follow its application URL."
          />
        )}
        <IdentityProviderFields
          value={draft}
          onChange={setDraft}
          errors={errors}
          presets={presets}
        />
      </CardBody>
      <CardFooter>
        <LinkButton
          href={`/deployments/${deploymentId}?tab=identity-providers`}
          variant="secondary"
        >
          Cancel
        </LinkButton>
        <Button busy={busy} onClick={() => void submit()}>
          Create identity provider
        </Button>
      </CardFooter>
    </Card>
  );
}
