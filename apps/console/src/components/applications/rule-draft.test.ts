import { CVAT_API_RULES, ZRule } from '@gatehouse/contract';
import { describe, expect, it } from 'vitest';
import { newRuleDraft, ruleDraftOf, ruleRequest, summarizeConditions } from './rule-draft';

describe('rule drafts', () => {
  it('send back exactly the rule they were made from', () => {
    for (const rule of CVAT_API_RULES) {
      expect(ZRule.parse(ruleRequest(ruleDraftOf(rule)))).toEqual(rule);
    }
  });

  it('send text that is not JSON as it is, so the API names the field', () => {
    const draft = { ...ruleDraftOf(CVAT_API_RULES[0]!), conditions: '{oops', priority: 'ten' };
    const request = ruleRequest(draft) as { conditions: unknown; priority: number };
    expect(request.conditions).toBe('{oops');
    expect(request.priority).toBeNaN();
  });

  it('give a new rule the next free priority step', () => {
    expect(newRuleDraft(CVAT_API_RULES.map(ruleDraftOf)).priority).toBe('40');
  });

  it('summarize conditions for the table', () => {
    expect(summarizeConditions(ruleDraftOf(CVAT_API_RULES[0]!).conditions)).toEqual([
      'Authorization scheme Basic | Token',
    ]);
    expect(summarizeConditions(ruleDraftOf(CVAT_API_RULES[1]!).conditions)).toEqual([
      '?sign present',
    ]);
  });
});
