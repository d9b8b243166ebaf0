/** What the application form holds while someone types (numbers stay text until submitted). */
export interface ApplicationDraft {
  name: string;
  description: string;
  applicationUrl: string;
  listenPort: string;
  upstreamServers: string[];
}

export const EMPTY_APPLICATION: ApplicationDraft = {
  name: '',
  description: '',
  applicationUrl: '',
  listenPort: '9772',
  upstreamServers: [''],
};

/** The request body: the same shape the REST API takes, so its 422 paths match the fields. */
export function applicationRequest(draft: ApplicationDraft) {
  const port = draft.listenPort.trim();
  return {
    type: 'WEB' as const,
    name: draft.name,
    description: draft.description,
    applicationUrl: draft.applicationUrl.trim(),
    listenPort: /^\d+$/.test(port) ? Number(port) : port === '' ? undefined : Number.NaN,
    upstreamServers: draft.upstreamServers.map((server) => server.trim()),
  };
}

export function applicationDraftOf(app: {
  name: string;
  description: string;
  applicationUrl: string;
  listenPort: number;
  upstreamServers: string[];
}): ApplicationDraft {
  return {
    name: app.name,
    description: app.description,
    applicationUrl: app.applicationUrl,
    listenPort: String(app.listenPort),
    upstreamServers: [...app.upstreamServers],
  };
}
