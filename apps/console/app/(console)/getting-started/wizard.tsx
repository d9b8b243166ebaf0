'use client';

import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import {
  applicationDraftOf,
  applicationRequest,
  EMPTY_APPLICATION,
} from '@/components/applications/application-draft';
import { ApplicationFields } from '@/components/applications/application-fields';
import {
  emptyIdentityProvider,
  identityProviderDraftOf,
  identityProviderRequest,
  type PresetOption,
} from '@/components/identity-providers/idp-draft';
import {
  IDENTITY_PROVIDER_FIELDS,
  IdentityProviderFields,
} from '@/components/identity-providers/idp-fields';
import {
  ServiceProviderDetails,
  type ServiceProviderUrls,
} from '@/components/identity-providers/service-provider-details';
import { Button } from '@/components/ui/button';
import { CopyField } from '@/components/ui/code-block';
import { TextAreaField, TextField } from '@/components/ui/field';
import { Stepper } from '@/components/ui/stepper';
import type { FieldErrors } from '@/ui/action-result';
import { wizardHref, type WizardState } from '@/ui/wizard-href';
import type { TApplicationResponse } from '@/server/applications/application.types';
import type { TDeploymentResponse } from '@/server/deployments/deployment.types';
import type { TIdentityProviderResponse } from '@/server/identity-providers/identity-provider.types';
import { saveApplicationStep, saveDeploymentStep, saveIdentityProviderStep } from './actions';
import { StartAgentStep, type IssuedKey } from './start-agent-step';
import { StepCard } from './step-card';

export const STEPS = [
  { title: 'Deployment', description: 'Group apps served by the same agents' },
  { title: 'Application', description: 'Where it lives and how to reach it' },
  { title: 'Identity provider', description: 'Who signs your users in' },
  { title: 'Start the agent', description: 'Run it with the provisioning key' },
] as const;

interface WizardProps {
  step: number;
  state: WizardState;
  deployment: TDeploymentResponse | null;
  application: TApplicationResponse | null;
  identityProvider: TIdentityProviderResponse | null;
  presets: PresetOption[];
  /** The saved application's SAML service provider, for a SAML IdP to register. */
  serviceProvider: ServiceProviderUrls | null;
  consoleUrl: string;
}

/**
 * One component holds every step's input, so Back and Continue keep what was typed; what a
 * step saved is reloaded from the server, so a resumed run shows it too.
 */
export function Wizard(props: WizardProps) {
  const { step, state, application, presets } = props;
  const router = useRouter();
  const [deploymentDraft, setDeploymentDraft] = useState({
    name: props.deployment?.name ?? '',
    description: props.deployment?.description ?? '',
  });
  const [appDraft, setAppDraft] = useState(
    application ? applicationDraftOf(application) : EMPTY_APPLICATION,
  );
  const [idpDraft, setIdpDraft] = useState(() => {
    const idp = props.identityProvider;
    const fallback = presets[0] as PresetOption;
    if (!idp) return emptyIdentityProvider(fallback);
    const preset = presets.find((option) => option.id === idp.provider) ?? fallback;
    return identityProviderDraftOf(idp, preset);
  });
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function go(next: WizardState) {
    setErrors({});
    setMessage(null);
    router.push(wizardHref(next));
  }

  async function save<T>(
    run: () => Promise<
      { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldErrors }
    >,
    then: (data: T) => void,
  ) {
    setBusy(true);
    setMessage(null);
    try {
      const result = await run();
      if (result.ok) {
        setErrors({});
        then(result.data);
      } else {
        setErrors(result.fieldErrors);
        setMessage(result.message);
      }
    } finally {
      setBusy(false);
    }
  }

  const redirectBase = (application?.applicationUrl ?? appDraft.applicationUrl).replace(/\/+$/, '');
  const redirectUri = `${redirectBase || 'https://your-app.example.com'}${application?.reservedPathPrefix ?? '/.gatehouse'}/callback`;

  let body: ReactNode;
  if (step === 1) {
    body = (
      <StepCard
        number={1}
        title="Create a deployment"
        description="A deployment groups the applications and identity providers served by the same cluster of agents. Give it a name you will recognize, such as production or cvat-lab."
        message={message}
        errors={errors}
        placed={['name', 'description']}
        footer={
          <Button
            busy={busy}
            onClick={() =>
              void save(
                () => saveDeploymentStep(state, deploymentDraft),
                (data) => go({ ...state, step: 2, deployment: data.id }),
              )
            }
          >
            Continue
          </Button>
        }
      >
        <div className="grid gap-5">
          <TextField
            label="Name"
            hint="A short name for this group of applications, e.g. production."
            value={deploymentDraft.name}
            onChange={(name) => setDeploymentDraft({ ...deploymentDraft, name })}
            error={errors.name}
          />
          <TextAreaField
            label="Description"
            optional
            hint="What runs here, for whoever reads this next."
            value={deploymentDraft.description}
            onChange={(description) => setDeploymentDraft({ ...deploymentDraft, description })}
            error={errors.description}
          />
        </div>
      </StepCard>
    );
  } else if (step === 2) {
    body = (
      <StepCard
        number={2}
        title="Add the application"
        description="Tell the agent where users reach the application and where the application itself runs."
        message={message}
        errors={errors}
        placed={['type', 'name', 'description', 'applicationUrl', 'listenPort', 'upstreamServers']}
        footer={
          <>
            <Button variant="secondary" onClick={() => go({ ...state, step: 1 })}>
              Back
            </Button>
            <Button
              busy={busy}
              onClick={() =>
                void save(
                  () => saveApplicationStep(state, applicationRequest(appDraft)),
                  (data) => go({ ...state, step: 3, application: data.id }),
                )
              }
            >
              Continue
            </Button>
          </>
        }
      >
        <ApplicationFields value={appDraft} onChange={setAppDraft} errors={errors} />
      </StepCard>
    );
  } else if (step === 3) {
    body = (
      <StepCard
        number={3}
        title="Connect your identity provider"
        description={
          idpDraft.protocol === 'SAML'
            ? 'Register this application as a service provider at your SAML identity provider, then give its metadata.'
            : 'Register an application (client) at your identity provider first, then fill in what it gave you.'
        }
        message={message}
        errors={errors}
        placed={IDENTITY_PROVIDER_FIELDS}
        footer={
          <>
            <Button variant="secondary" onClick={() => go({ ...state, step: 2 })}>
              Back
            </Button>
            <Button
              busy={busy}
              onClick={() =>
                void save(
                  () =>
                    saveIdentityProviderStep(state, identityProviderRequest(idpDraft, !state.idp)),
                  (data) => {
                    if (data.key) setIssued(data.key);
                    go({ ...state, step: 4, idp: data.idpId, key: data.key?.id ?? state.key });
                  },
                )
              }
            >
              Create and continue
            </Button>
          </>
        }
      >
        {idpDraft.protocol === 'SAML' ? (
          <div className="mb-6">
            <ServiceProviderDetails
              serviceProviders={props.serviceProvider ? [props.serviceProvider] : []}
              emptyHint="Save the application step first: the URLs follow its application URL."
            />
          </div>
        ) : (
          <div className="mb-6 rounded-lg border border-brand-100 bg-brand-50/60 px-4 py-3">
            <p className="text-sm font-medium text-slate-800">
              Redirect URI to register at your identity provider
            </p>
            <p className="mb-2 text-xs text-slate-500">
              Your application URL plus the agent&apos;s reserved path. The provider sends users
              back here after sign-in.
            </p>
            <CopyField value={redirectUri} label="redirect URI" />
          </div>
        )}
        <IdentityProviderFields
          value={idpDraft}
          onChange={setIdpDraft}
          errors={errors}
          presets={presets}
          existing={Boolean(state.idp)}
        />
      </StepCard>
    );
  } else {
    body = (
      <StartAgentStep
        state={state}
        issued={issued}
        onIssued={setIssued}
        listenPort={application?.listenPort ?? 9772}
        applicationId={application?.id ?? null}
        applicationUrl={application?.applicationUrl ?? null}
        consoleUrl={props.consoleUrl}
        onBack={() => go({ ...state, step: 3 })}
      />
    );
  }

  return (
    <div className="space-y-6">
      <Stepper steps={STEPS} current={step} />
      {body}
    </div>
  );
}
