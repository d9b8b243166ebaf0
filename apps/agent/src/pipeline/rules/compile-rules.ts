// Rule matching (compile + match) moved to packages/contract/src/rules, so the console's
// "test a request" box answers with the very matcher the agent enforces. Change it there.
export { compileRules, type MatchedRule, type RuleMatcher } from '@gatehouse/contract';
