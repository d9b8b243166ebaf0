import type { TApplicationConfig, TRuleAction } from '@gatehouse/contract';
import { compileIdentityConditions, type IdentityCondition } from './identity-conditions';
import { compilePathMatcher, type PathMatcher } from './match-path';
import {
  compileRequestConditions,
  type RequestCondition,
  type RequestFacts,
} from './request-conditions';

export interface MatchedRule {
  action: TRuleAction;
  /** For logs and error pages: `rule 10 (CVAT API clients…)` or `the default action`. */
  label: string;
  /** Checked after sign-in on PROTECTED rules; null allows every signed-in user. */
  identity: IdentityCondition | null;
}

interface CompiledRule extends MatchedRule {
  path: PathMatcher;
  methods: ReadonlySet<string> | null;
  request: RequestCondition | null;
}

export type RuleMatcher = (facts: RequestFacts) => MatchedRule;

/** Compiled once per configuration; per request it is a loop of cheap checks. */
export function compileRules(app: TApplicationConfig): RuleMatcher {
  const rules: CompiledRule[] = [...app.rules]
    .sort((a, b) => a.priority - b.priority)
    .map((rule) => ({
      action: rule.action,
      label: `rule ${rule.priority}${rule.description ? ` (${rule.description})` : ''}`,
      identity: compileIdentityConditions(rule.conditions),
      path: compilePathMatcher(rule),
      methods: rule.methods.length > 0 ? new Set(rule.methods) : null,
      request: compileRequestConditions(rule.conditions),
    }));
  const fallback: MatchedRule = {
    action: app.defaultAction,
    label: 'the default action',
    identity: null,
  };

  return (facts) => {
    let query: URLSearchParams | undefined;
    const readQuery = () => (query ??= new URLSearchParams(facts.search));
    for (const rule of rules) {
      if (rule.methods !== null && !rule.methods.has(facts.method)) continue;
      if (!rule.path(facts.path)) continue;
      if (rule.request !== null && !rule.request(facts, readQuery)) continue;
      return rule;
    }
    return fallback;
  };
}
