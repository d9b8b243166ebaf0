import type { TApplicationConfig } from '../config/application';
import type { TRuleAction } from '../config/rule';
import { compileIdentityConditions, type IdentityCondition } from './identity-conditions';
import { compilePathMatcher, type PathMatcher } from './match-path';
import {
  compileRequestConditions,
  QueryReader,
  type RequestCondition,
  type RequestFacts,
} from './request-conditions';

export interface MatchedRule {
  action: TRuleAction;
  /** The matching rule's priority (its key: priorities are unique); null for the default. */
  priority: number | null;
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
export function compileRules(
  app: Pick<TApplicationConfig, 'rules' | 'defaultAction'>,
): RuleMatcher {
  const rules: CompiledRule[] = [...app.rules]
    .sort((a, b) => a.priority - b.priority)
    .map((rule) => ({
      action: rule.action,
      priority: rule.priority,
      label: `rule ${rule.priority}${rule.description ? ` (${rule.description})` : ''}`,
      identity: compileIdentityConditions(rule.conditions),
      path: compilePathMatcher(rule),
      methods: rule.methods.length > 0 ? new Set(rule.methods) : null,
      request: compileRequestConditions(rule.conditions),
    }));
  const fallback: MatchedRule = {
    action: app.defaultAction,
    priority: null,
    label: 'the default action',
    identity: null,
  };

  return (facts) => {
    let query: QueryReader | undefined;
    for (const rule of rules) {
      if (rule.methods !== null && !rule.methods.has(facts.method)) continue;
      if (!rule.path(facts.path)) continue;
      if (
        rule.request !== null &&
        !rule.request(facts, (query ??= new QueryReader(facts.search)))
      ) {
        continue;
      }
      return rule;
    }
    return fallback;
  };
}
