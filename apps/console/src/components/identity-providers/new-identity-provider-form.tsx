'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '../ui/alert';
import { Button, LinkButton } from '../ui/button';
import { Card, CardBody, CardFooter } from '../ui/card';
import { emptyIdentityProvider, identityProviderRequest, type PresetOption } from './idp-draft';
import { IdentityProviderFields } from './idp-fields';
import { createIdentityProviderAction } from '@/ui/actions/deployment-actions';
import type { FieldErrors } from '@/ui/action-result';

export function NewIdentityProviderForm({
  deploymentId,
  presets,
}: {
  deploymentId: string;
  presets: PresetOption[];
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
    router.push(`/deployments/${deploymentId}?tab=identity-providers`);
  }
  return (
    <Card>
      <CardBody className="space-y-6 py-6">
        {message && <Alert tone="error">{message}</Alert>}
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
