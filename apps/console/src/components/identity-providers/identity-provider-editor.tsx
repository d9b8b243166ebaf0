'use client';

import { useState } from 'react';
import { FormMessage } from '../forms/form-message';
import { useSave } from '../forms/use-save';
import { Button } from '../ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '../ui/card';
import { identityProviderDraftOf, identityProviderRequest, type PresetOption } from './idp-draft';
import { IDENTITY_PROVIDER_FIELDS, IdentityProviderFields } from './idp-fields';
import { updateIdentityProviderAction } from '@/ui/actions/deployment-actions';
import type { TIdentityProviderResponse } from '@/server/identity-providers/identity-provider.types';

/** An admin's form over a stored identity provider of either protocol. */
export function IdentityProviderEditor({
  idp,
  presets,
}: {
  idp: TIdentityProviderResponse;
  presets: PresetOption[];
}) {
  const preset = presets.find((option) => option.id === idp.provider) ?? presets[0];
  const [draft, setDraft] = useState(() => identityProviderDraftOf(idp, preset as PresetOption));
  const { errors, message, busy, save } = useSave();
  async function submit() {
    const saved = await save(
      () => updateIdentityProviderAction(idp.id, identityProviderRequest(draft, false)),
      'Identity provider saved; agents pick it up within a second',
    );
    // The secret and metadata fields empty again: what was typed is now what is stored.
    if (saved) setDraft(identityProviderDraftOf(saved, preset as PresetOption));
  }
  return (
    <Card>
      <CardHeader
        title="Settings"
        description={
          idp.protocol === 'SAML'
            ? 'How the agent asks this SAML IdP to sign users in and reads what it answers.'
            : 'The OpenID Connect client the agent signs users in with.'
        }
      />
      <CardBody className="space-y-6 py-6">
        <FormMessage
          message={message}
          errors={errors}
          placed={(path) => IDENTITY_PROVIDER_FIELDS.some((field) => path.startsWith(field))}
        />
        <IdentityProviderFields
          value={draft}
          onChange={setDraft}
          errors={errors}
          presets={presets}
          existing
        />
      </CardBody>
      <CardFooter>
        <Button busy={busy} onClick={() => void submit()}>
          Save identity provider
        </Button>
      </CardFooter>
    </Card>
  );
}
