'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { AgentWaiter } from '@/components/agents/agent-waiter';
import { composeSnippet, helmSnippet } from '@/components/agents/agent-snippets';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { ClientTabs } from '@/components/ui/client-tabs';
import { CodeBlock, CopyField } from '@/components/ui/code-block';
import { wizardHref, type WizardState } from '@/ui/wizard-href';
import { finishWizard, issueWizardKey } from './actions';

export interface IssuedKey {
  id: string;
  key: string;
  secret: string;
}

export function StartAgentStep({
  state,
  issued,
  onIssued,
  listenPort,
  applicationId,
  applicationUrl,
  consoleUrl,
  onBack,
}: {
  state: WizardState;
  issued: IssuedKey | null;
  onIssued: (key: IssuedKey) => void;
  listenPort: number;
  applicationId: string | null;
  applicationUrl: string | null;
  consoleUrl: string;
  onBack: () => void;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function issue() {
    setBusy(true);
    const result = await issueWizardKey(state);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    onIssued(result.data);
    router.replace(wizardHref({ ...state, step: 4, key: result.data.id }));
  }

  async function finish() {
    await finishWizard();
    router.push(applicationId ? `/applications/${applicationId}` : '/');
  }

  const snippetInput = issued && { consoleUrl, key: issued.key, secret: issued.secret, listenPort };
  return (
    <Card>
      <CardHeader
        title="Step 4 of 4 · Start the agent"
        description="The agent runs next to your application, pulls this configuration from the console and enforces sign-in. Give it this provisioning key and secret."
      />
      <CardBody className="space-y-6 py-6">
        {issued && snippetInput ? (
          <>
            <Alert tone="warning" title="Copy the secret now: it is shown only once">
              The console keeps only a hash of it. If you lose it, create a new key and revoke this
              one.
            </Alert>
            <div className="grid gap-4 md:grid-cols-2">
              <div>
                <p className="mb-1.5 text-sm font-medium text-slate-800">Provisioning key</p>
                <CopyField value={issued.key} label="provisioning key" />
              </div>
              <div>
                <p className="mb-1.5 text-sm font-medium text-slate-800">Provisioning secret</p>
                <CopyField value={issued.secret} label="provisioning secret" />
              </div>
            </div>
            <ClientTabs
              label="How to run the agent"
              tabs={[
                {
                  id: 'compose',
                  label: 'docker-compose',
                  content: (
                    <CodeBlock
                      code={composeSnippet(snippetInput)}
                      label="docker-compose service"
                      title="docker-compose.yml: add this service beside your application"
                    />
                  ),
                },
                {
                  id: 'helm',
                  label: 'Helm values',
                  content: (
                    <CodeBlock
                      code={helmSnippet(snippetInput)}
                      label="Helm values"
                      title="gatehouse-agent.values.yaml"
                    />
                  ),
                },
              ]}
            />
            {applicationUrl && (
              <p className="text-sm text-slate-600">
                Then open{' '}
                <code className="rounded bg-slate-100 px-1.5 py-0.5">{applicationUrl}</code>: you
                should land on your identity provider&apos;s sign-in page. Only the agent may reach
                the application itself; do not publish its port.
              </p>
            )}
          </>
        ) : (
          <Alert tone="info" title="The secret of this setup's key was already shown">
            <p className="mb-3">
              Secrets are shown once. Create a new key to see a secret again; revoke unused keys
              under the deployment&apos;s Provisioning keys tab.
            </p>
            <Button size="sm" busy={busy} onClick={() => void issue()}>
              Create a new key
            </Button>
            {error && <p className="mt-2 text-red-700">{error}</p>}
          </Alert>
        )}
        {state.deployment && <AgentWaiter deploymentId={state.deployment} />}
      </CardBody>
      <CardFooter>
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
        <Button onClick={() => void finish()}>Go to the application</Button>
      </CardFooter>
    </Card>
  );
}
