import { describe, expect, it } from 'vitest';
import type { Identity } from '../../session/identity';
import {
  compileIdentityExpression,
  ExpressionEvaluationError,
  ExpressionSyntaxError,
} from './compile-identity-expression';

const alice: Identity = {
  idpId: 'idp',
  sub: 'dev-user-alice',
  email: 'alice@corp.example',
  username: 'alice',
  firstName: 'Alice',
  lastName: null,
  groups: ['cvat-admins', 'staff'],
  claims: { email: 'ALICE@corp.example', level: 3, org: { name: 'R&D', tags: ['a'] } },
};

function evaluate(source: string, identity: Identity = alice): boolean {
  return compileIdentityExpression(source)(identity);
}

describe('compileIdentityExpression', () => {
  it.each([
    ['"cvat-admins" in groups || email endsWith "@other.example"', true],
    ['"cvat-users" in groups', false],
    ['groups contains "staff" && !("x" in groups)', true],
    ['email startsWith "alice@" && username == "alice"', true],
    ['claims.email == "ALICE@corp.example"', true],
    ["org.name == 'R&D' && level == 3 && level != 4", true],
    ['"a" in org.tags', true],
    ['email in ["alice@corp.example", "bob@corp.example"]', true],
    ['lastName == null && missing.claim == null', true],
    ['missing in groups || "x" in missing || missing endsWith "x"', false],
    ['"corp" in email', true],
    ['(true || false) && !false', true],
  ])('%s → %s', (source, expected) => {
    expect(evaluate(source)).toBe(expected);
  });

  it.each([
    ['groups == "cvat-admins"', 'cannot compare a list'],
    ['groups endsWith "s"', 'compares two strings'],
    ['email', 'not true or false'],
    ['!email', 'needs true or false'],
    ['email && true', 'needs true or false'],
    ['org in groups', 'cannot compare an object'],
  ])('throws on a type error: %s', (source, message) => {
    expect(() => evaluate(source)).toThrow(ExpressionEvaluationError);
    expect(() => evaluate(source)).toThrow(message);
  });

  it.each([
    ['"a" in', 'expected a value'],
    ['email ==', 'expected a value'],
    ['(true', 'expected ")"'],
    ['true true', 'unexpected "true"'],
    ['email ~= "x"', 'unexpected "~"'],
    ['"open', 'unterminated string'],
    ['in in groups', 'expected a value but found "in"'],
    ['process.exit(1)', 'unexpected "("'],
    ['[email]', 'a list holds only strings and numbers'],
  ])('refuses %s', (source, message) => {
    expect(() => compileIdentityExpression(source)).toThrow(ExpressionSyntaxError);
    expect(() => compileIdentityExpression(source)).toThrow(message);
  });

  it('bounds nesting and length', () => {
    expect(() => compileIdentityExpression(`${'('.repeat(40)}true${')'.repeat(40)}`)).toThrow(
      'nests too deeply',
    );
    expect(() => compileIdentityExpression(`${'!'.repeat(40)}true`)).toThrow('nests too deeply');
    expect(() => compileIdentityExpression(Array(300).fill('true').join(' && '))).toThrow(
      '400 tokens',
    );
  });

  it('cannot reach anything but the identity', () => {
    expect(evaluate('constructor == null && __proto__ == null && claims.constructor == null')).toBe(
      true,
    );
  });
});
