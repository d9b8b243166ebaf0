'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '../ui/alert';
import { Button, LinkButton } from '../ui/button';
import { Card, CardBody, CardFooter } from '../ui/card';
import { applicationRequest, EMPTY_APPLICATION } from './application-draft';
import { ApplicationFields } from './application-fields';
import { IdpChoice } from './idp-choice';
import { createApplicationAction } from '@/ui/actions/deployment-actions';
import type { FieldErrors } from '@/ui/action-result';

export function NewApplicationForm({
  deploymentId,
  idps,
}: {
  deploymentId: string;
  idps: { id: string; name: string; issuer: string | null }[];
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(EMPTY_APPLICATION);
  const [idpIds, setIdpIds] = useState<string[]>(idps.slice(0, 1).map((idp) => idp.id));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    const result = await createApplicationAction(deploymentId, {
      ...applicationRequest(draft),
      idpIds,
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors);
      setMessage(result.message);
      return;
    }
    router.push(`/applications/${result.data.id}`);
  }
  return (
    <Card>
      <CardBody className="space-y-6 py-6">
        {message && <Alert tone="error">{message}</Alert>}
        <ApplicationFields value={draft} onChange={setDraft} errors={errors} />
        <IdpChoice options={idps} value={idpIds} onChange={setIdpIds} error={errors.idpIds} />
      </CardBody>
      <CardFooter>
        <LinkButton href={`/deployments/${deploymentId}`} variant="secondary">
          Cancel
        </LinkButton>
        <Button busy={busy} onClick={() => void submit()}>
          Create application
        </Button>
      </CardFooter>
    </Card>
  );
}
