import { CopyField } from '../ui/code-block';

/** One application's SAML service provider, as describeServiceProvider builds it. */
export interface ServiceProviderUrls {
  applicationId: string;
  applicationName: string;
  entityId: string;
  metadataUrl: string;
  acsUrl: string;
  sloUrl: string;
}

const URLS = [
  ['entityId', 'SP entity ID', 'Also called Audience or Identifier.'],
  ['metadataUrl', 'SP metadata URL', 'IdPs that import SP metadata need only this one.'],
  ['acsUrl', 'ACS URL', 'Assertion Consumer Service, HTTP-POST binding.'],
  ['sloUrl', 'SLO URL', 'Single Logout Service, HTTP-Redirect binding.'],
] as const;

/**
 * What an admin registers at a SAML IdP for each application that signs users in through it:
 * the agent's service-provider URLs, which follow the application's URL.
 */
export function ServiceProviderDetails({
  serviceProviders,
  emptyHint,
}: {
  serviceProviders: readonly ServiceProviderUrls[];
  /** Shown when no application uses the IdP yet. */
  emptyHint: string;
}) {
  return (
    <div className="space-y-4 rounded-lg border border-brand-100 bg-brand-50/60 px-4 py-3">
      <div>
        <p className="text-sm font-medium text-slate-800">
          Register at your SAML identity provider
        </p>
        <p className="text-xs text-slate-500">
          One service provider (SP) per application; the agent serves these URLs under the
          application&apos;s reserved path.
        </p>
      </div>
      {serviceProviders.length === 0 && <p className="text-sm text-slate-600">{emptyHint}</p>}
      {serviceProviders.map((sp) => (
        <section
          key={sp.applicationId}
          aria-label={`Service provider of ${sp.applicationName}`}
          className="space-y-2"
        >
          {serviceProviders.length > 1 && (
            <p className="text-xs font-semibold text-slate-700">{sp.applicationName}</p>
          )}
          <dl className="grid gap-3 md:grid-cols-2">
            {URLS.map(([field, label, hint]) => (
              <div key={field}>
                <dt className="text-xs font-medium text-slate-700">
                  {label} <span className="font-normal text-slate-500">{hint}</span>
                </dt>
                <dd className="mt-1">
                  <CopyField value={sp[field]} label={label} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
