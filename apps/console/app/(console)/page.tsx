import { DeploymentTable } from '@/components/deployments/deployment-table';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ArrowRightIcon, RocketIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { loadOverview } from '@/ui/load-overview';
import { canWrite, requirePageActor } from '@/ui/session';
import { readWizardCookie, wizardHref } from '@/ui/wizard-state';

export const metadata = { title: 'Dashboard · Gatehouse' };

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const [rows, wizard] = await Promise.all([loadOverview(actor), readWizardCookie()]);
  const writer = canWrite(actor);
  const resumable =
    writer && wizard?.deployment && rows.some((row) => row.deployment.id === wizard.deployment)
      ? wizard
      : null;

  if (rows.length === 0) {
    return (
      <>
        <PageHeader
          title="Welcome to Gatehouse"
          description="Single sign-on in front of your applications, without changing them."
        />
        <Card className="overflow-hidden">
          <EmptyState
            icon={<RocketIcon className="size-6" />}
            title="Protect your first application"
            description={
              writer
                ? 'Getting started walks you through it in four steps: a deployment, the application, your identity provider, and the agent that enforces sign-in.'
                : 'Nothing is set up yet. Ask an admin or owner of your organization to run Getting started.'
            }
            action={
              writer && (
                <LinkButton href="/getting-started" size="lg">
                  Getting started <ArrowRightIcon className="size-5" />
                </LinkButton>
              )
            }
          />
        </Card>
      </>
    );
  }

  const totals = rows.reduce(
    (sum, row) => ({
      applications: sum.applications + row.applications,
      agentsOnline: sum.agentsOnline + row.agentsOnline,
      agents: sum.agents + row.agents,
    }),
    { applications: 0, agentsOnline: 0, agents: 0 },
  );
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Your deployments, their applications and the agents serving them."
        actions={
          writer && (
            <LinkButton href="/getting-started" variant="secondary">
              Getting started
            </LinkButton>
          )
        }
      />
      {resumable && (
        <Alert tone="info" title="Finish setting up" className="mb-6">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <span>Your last Getting started run stopped at step {resumable.step} of 4.</span>
            <LinkButton href={wizardHref(resumable)} size="sm">
              Resume setup
            </LinkButton>
          </div>
        </Alert>
      )}
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat label="Deployments" value={rows.length} />
        <Stat label="Applications" value={totals.applications} />
        <Stat label="Agents online" value={`${totals.agentsOnline} / ${totals.agents}`} />
      </div>
      <Card>
        <CardHeader title="Deployments" />
        <DeploymentTable rows={rows} />
      </Card>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-xs">
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900">{value}</p>
    </div>
  );
}
