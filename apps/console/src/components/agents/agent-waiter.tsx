'use client';

import { useEffect, useState } from 'react';
import { Spinner } from '../ui/button';
import { CheckIcon } from '../ui/icons';

interface AgentList {
  latestConfigVersion: number;
  agents: {
    id: string;
    hostname: string;
    agentVersion: string;
    configVersion: number | null;
    online: boolean;
  }[];
}

const POLL_MS = 2000;

/**
 * Polls the deployment's agents (the REST list, read with the session cookie) every two seconds
 * and turns green once one of them has sent a heartbeat.
 */
export function AgentWaiter({ deploymentId }: { deploymentId: string }) {
  const [list, setList] = useState<AgentList | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        const response = await fetch(`/api/v1/deployments/${deploymentId}/agents`, {
          cache: 'no-store',
        });
        if (!response.ok) throw new Error(String(response.status));
        if (!stopped) {
          setList((await response.json()) as AgentList);
          setFailed(false);
        }
      } catch {
        if (!stopped) setFailed(true);
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    }
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [deploymentId]);

  const online = list?.agents.filter((agent) => agent.online) ?? [];
  const first = online[0];
  if (first) {
    return (
      <div
        role="status"
        data-testid="agent-status"
        data-state="online"
        className="flex items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900"
      >
        <span className="flex size-7 items-center justify-center rounded-full bg-emerald-500 text-white">
          <CheckIcon className="size-4" />
        </span>
        <div>
          <p className="font-medium">Agent connected</p>
          <p className="text-sm">
            {first.hostname} runs agent {first.agentVersion} with configuration version{' '}
            {first.configVersion ?? '—'}
            {online.length > 1 ? ` (${online.length} agents online)` : ''}.
          </p>
        </div>
      </div>
    );
  }
  return (
    <div
      role="status"
      data-testid="agent-status"
      data-state="waiting"
      className="flex items-start gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-slate-700"
    >
      <span className="mt-0.5 text-brand-600">
        <Spinner />
      </span>
      <div>
        <p className="font-medium text-slate-900">Waiting for the agent to connect…</p>
        <p className="text-sm text-slate-500">
          {failed
            ? 'The console could not be asked just now; still trying.'
            : 'Start it with the key and secret above. This turns green when its first heartbeat arrives.'}
        </p>
      </div>
    </div>
  );
}
