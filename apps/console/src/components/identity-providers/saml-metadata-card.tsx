import { Card, CardBody, CardHeader } from '../ui/card';
import { DescriptionList } from '../ui/description-list';
import type { TSamlSettingsResponse } from '@/server/identity-providers/identity-provider.types';

/** What the console read from the IdP's metadata: where the agent sends users, whom it trusts. */
export function SamlMetadataCard({ saml }: { saml: TSamlSettingsResponse }) {
  return (
    <Card>
      <CardHeader
        title="From the IdP's metadata"
        description="Read when the identity provider was saved with a metadata URL or pasted XML."
      />
      <CardBody>
        <DescriptionList
          items={[
            { label: 'IdP entity ID', value: <code>{saml.entityId}</code> },
            { label: 'Single sign-on URL', value: <code>{saml.ssoUrl}</code> },
            { label: 'Single logout URL', value: saml.sloUrl ? <code>{saml.sloUrl}</code> : '—' },
            {
              label: 'Metadata',
              value: saml.metadataUrl ? <code>{saml.metadataUrl}</code> : 'Pasted XML',
            },
            {
              label: 'Signing certificates',
              value: saml.signingCertificates.map((certificate) => (
                <span key={certificate.fingerprintSha256} className="block">
                  {certificate.subject}, valid until {certificate.notAfter.slice(0, 10)}
                  <code className="block text-xs break-all text-slate-500">
                    SHA-256 {certificate.fingerprintSha256}
                  </code>
                </span>
              )),
            },
          ]}
        />
      </CardBody>
    </Card>
  );
}
