export interface SnippetInput {
  consoleUrl: string;
  key: string;
  secret: string;
  listenPort: number;
}

/** A docker-compose service for the agent, the pair filled in (the vendor guide's last step). */
export function composeSnippet({ consoleUrl, key, secret, listenPort }: SnippetInput): string {
  return `services:
  gatehouse-agent:
    image: gatehouse/agent:latest
    restart: unless-stopped
    environment:
      CONSOLE_URL: ${consoleUrl}
      PROVISIONING_KEY: ${key}
      PROVISIONING_SECRET: ${secret}
    ports:
      - '${listenPort}:${listenPort}'
    volumes:
      # The last good configuration: the agent keeps serving while the console is down.
      - gatehouse-agent-state:/var/lib/gatehouse

volumes:
  gatehouse-agent-state:
`;
}

/** Values for deploy/helm/gatehouse-agent (`helm install gatehouse-agent … -f values.yaml`). */
export function helmSnippet({ consoleUrl, key, secret, listenPort }: SnippetInput): string {
  return `# helm install gatehouse-agent deploy/helm/gatehouse-agent -f gatehouse-agent.values.yaml
consoleUrl: ${consoleUrl}
provisioning:
  key: ${key}
  secret: ${secret}
containerPort: ${listenPort}
service:
  type: ClusterIP
  port: ${listenPort}
`;
}
