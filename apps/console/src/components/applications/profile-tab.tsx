'use client';

import { useState } from 'react';
import { FormMessage } from '../forms/form-message';
import { useSave } from '../forms/use-save';
import { Button } from '../ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '../ui/card';
import { DescriptionList } from '../ui/description-list';
import { applicationDraftOf, applicationRequest } from './application-draft';
import { ApplicationFields } from './application-fields';
import { IdpChoice } from './idp-choice';
import { updateApplicationAction } from '@/ui/actions/application-actions';
import type { TApplicationResponse } from '@/server/applications/application.types';

const FIELDS = [
  'type',
  'name',
  'description',
  'applicationUrl',
  'listenPort',
  'upstreamServers',
  'idpIds',
];

export function ProfileTab({
  app,
  idps,
  writer,
}: {
  app: TApplicationResponse;
  idps: { id: string; name: string; issuer: string | null }[];
  writer: boolean;
}) {
  const [draft, setDraft] = useState(() => applicationDraftOf(app));
  const [idpIds, setIdpIds] = useState(app.idpIds);
  const { errors, message, busy, save } = useSave();

  if (!writer) {
    const names = new Map(idps.map((idp) => [idp.id, idp.name]));
    return (
      <Card>
        <CardHeader title="Profile" />
        <CardBody>
          <DescriptionList
            items={[
              { label: 'Type', value: app.type },
              { label: 'Name', value: app.name },
              { label: 'Application URL', value: <code>{app.applicationUrl}</code> },
              { label: 'Listen port', value: <code>{app.listenPort}</code> },
              {
                label: 'Upstream servers',
                value: app.upstreamServers.map((server) => (
                  <code key={server} className="block">
                    {server}
                  </code>
                )),
              },
              {
                label: 'Identity providers',
                value: app.idpIds.map((id) => names.get(id) ?? id).join(', ') || '—',
              },
              { label: 'Description', value: app.description || '—' },
            ]}
          />
        </CardBody>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader
        title="Profile"
        description="Where users reach the application, where the agent finds it, and who signs users in."
      />
      <CardBody className="space-y-6 py-6">
        <FormMessage
          message={message}
          errors={errors}
          placed={(path) => FIELDS.some((field) => path === field || path.startsWith(`${field}[`))}
        />
        <ApplicationFields value={draft} onChange={setDraft} errors={errors} />
        <IdpChoice
          options={idps}
          value={idpIds}
          onChange={setIdpIds}
          error={
            errors.idpIds ??
            Object.entries(errors).find(([path]) => path.startsWith('idpIds['))?.[1]
          }
        />
      </CardBody>
      <CardFooter>
        <Button
          busy={busy}
          onClick={() =>
            void save(
              () => updateApplicationAction(app.id, { ...applicationRequest(draft), idpIds }),
              'Profile saved; agents pick it up within a second',
            )
          }
        >
          Save profile
        </Button>
      </CardFooter>
    </Card>
  );
}
