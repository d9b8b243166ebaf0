import type {
  TApplicationConfig,
  TAttributePassRow,
  TRoleMapping,
  TRoleMappingRow,
  TRuleInput,
} from '@gatehouse/contract';
import type { AttributePass, RoleMapping, Rule } from '@gatehouse/db';
import type { ApplicationRows } from './load-deployment-rows';

/** Stored rows → the contract's shapes; the same mapping serves the REST API and the agents. */
export function mapAttributePassRows(rows: AttributePass[]): TAttributePassRow[] {
  return rows.map((row) => ({ field: row.field, name: row.name, type: row.type, join: row.join }));
}

export function mapRoleMapping(rows: RoleMapping[], defaultRole: string | null): TRoleMapping {
  return { rows: rows.map(mapRoleMappingRow), defaultRole };
}

function mapRoleMappingRow(row: RoleMapping): TRoleMappingRow {
  if (row.kind === 'EXPRESSION') {
    return { kind: 'EXPRESSION', expression: row.expression ?? '', role: row.role };
  }
  return {
    kind: 'CLAIM',
    claim: row.claim ?? '',
    operator: row.operator ?? 'EQUALS',
    value: row.value,
    role: row.role,
  };
}

/** Conditions are stored as JSON and checked by the contract wherever they are read. */
export function mapRuleRows(rows: Rule[]): TRuleInput[] {
  return rows.map((rule) => ({
    priority: rule.priority,
    pathMatch: rule.pathMatch,
    path: rule.path,
    methods: rule.methods as TRuleInput['methods'],
    conditions: rule.conditions as TRuleInput['conditions'],
    action: rule.action,
    description: rule.description,
  }));
}

/** The application as agents receive it; the contract validates the result. */
export function mapApplicationConfig(app: ApplicationRows): Omit<TApplicationConfig, 'rules'> & {
  rules: TRuleInput[];
} {
  return {
    id: app.id,
    type: 'WEB',
    name: app.name,
    applicationUrl: app.applicationUrl,
    listenPort: app.listenPort,
    upstreamServers: app.upstreamServers,
    preserveHost: app.preserveHost,
    reservedPathPrefix: app.reservedPathPrefix,
    idpIds: app.identityProviders.map((link) => link.identityProviderId),
    session: {
      maxAgeSeconds: app.sessionMaxAgeSeconds,
      idleTimeoutSeconds: app.sessionIdleTimeoutSeconds,
    },
    logout: { singleSignOut: app.singleSignOut, postLogoutRedirectUrl: app.postLogoutRedirectUrl },
    assertion: { headerName: app.assertionHeaderName, ttlSeconds: app.assertionTtlSeconds },
    attributePass: mapAttributePassRows(app.attributePasses),
    roleMapping: mapRoleMapping(app.roleMappings, app.defaultRole),
    rules: mapRuleRows(app.rules),
    defaultAction: app.defaultAction,
  };
}
