import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getEnv } from '@/env';
import { getApplication } from '@/server/applications/get-application';
import { getDeployment } from '@/server/deployments/get-deployment';
import { describeServiceProvider } from '@/server/identity-providers/describe-service-provider';
import { getIdentityProvider } from '@/server/identity-providers/get-identity-provider';
import { AppError } from '@/server/errors/app-error';
import { presetOptions } from '@/ui/preset-options';
import { canWrite, requirePageActor } from '@/ui/session';
import { readWizardCookie, wizardHref, ZWizardState } from '@/ui/wizard-state';
import { Wizard } from './wizard';

export const metadata = { title: 'Getting started · Gatehouse' };

export default async function GettingStartedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  if (!canWrite(actor)) {
    return (
      <Alert tone="warning" title="Getting started needs an admin">
        Your role is read-only. Ask an admin or owner of the organization to set up a deployment.
      </Alert>
    );
  }
  const params = await searchParams;
  const state = ZWizardState.parse(params);
  // Anything the URL names that is gone (deleted, or another organization's) is dropped, and
  // the wizard goes back to the first step that still needs doing.
  const [deployment, application, idp] = await Promise.all([
    state.deployment ? orNull(getDeployment(actor, state.deployment)) : null,
    state.application ? orNull(getApplication(actor, state.application)) : null,
    state.idp ? orNull(getIdentityProvider(actor, state.idp)) : null,
  ]);
  const reachable = !deployment ? 1 : !application ? 2 : !idp ? 3 : 4;
  const step = Math.min(state.step, reachable);
  const saved = await readWizardCookie();
  const offerResume = params.step === undefined && saved?.deployment !== undefined;
  const presets = presetOptions();

  return (
    <>
      <PageHeader
        title="Getting started"
        description="Four steps to put single sign-on in front of an application: describe where it runs, connect your identity provider, and start the agent."
        crumbs={[{ label: 'Dashboard', href: '/' }, { label: 'Getting started' }]}
      />
      {offerResume && saved && (
        <Alert tone="info" title="You have an unfinished setup" className="mb-6">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <span>
              Pick up where you left off (step {saved.step} of 4), or start a new one below.
            </span>
            <LinkButton href={wizardHref(saved)} size="sm">
              Resume setup
            </LinkButton>
          </div>
        </Alert>
      )}
      <Wizard
        key={deployment?.id ?? 'new'}
        step={step}
        state={{
          step,
          deployment: deployment?.id,
          application: application?.id,
          idp: idp?.id,
          key: state.key,
        }}
        deployment={deployment}
        application={application}
        identityProvider={idp}
        presets={presets}
        serviceProvider={application && describeServiceProvider(application)}
        consoleUrl={getEnv().publicUrl.origin}
      />
    </>
  );
}

async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}
