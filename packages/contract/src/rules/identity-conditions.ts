import type { TRuleConditions } from '../config/rule-conditions';

/** What identity conditions read of a signed-in user (the agent's Identity has more). */
export interface RuleIdentity {
  email: string | null;
  groups: readonly string[];
}

export type IdentityCondition = (identity: RuleIdentity, role: string | null) => boolean;

/**
 * Identity conditions of a PROTECTED rule: after sign-in they allow or deny. Within one kind any
 * entry may match; every kind present must match. Returns null when the rule has none.
 */
export function compileIdentityConditions(conditions: TRuleConditions): IdentityCondition | null {
  const checks: IdentityCondition[] = [];
  if (conditions.groups?.length) {
    const groups = new Set(conditions.groups);
    checks.push((identity) => identity.groups.some((group) => groups.has(group)));
  }
  if (conditions.emails?.length) {
    const exact = new Set<string>();
    const domains: string[] = [];
    for (const entry of conditions.emails) {
      const lower = entry.toLowerCase();
      if (lower.startsWith('*@')) domains.push(lower.slice(1));
      else exact.add(lower);
    }
    checks.push((identity) => {
      const email = identity.email?.toLowerCase();
      if (!email) return false;
      return exact.has(email) || domains.some((domain) => email.endsWith(domain));
    });
  }
  if (conditions.roles?.length) {
    const roles = new Set(conditions.roles);
    checks.push((_identity, role) => role !== null && roles.has(role));
  }
  if (checks.length === 0) return null;
  return (identity, role) => checks.every((check) => check(identity, role));
}
