import { compileExpression, type CompiledExpression } from '@gatehouse/contract';
import { readClaimPath, readIdentityField, type Identity } from '../../session/identity';

export { ExpressionEvaluationError, ExpressionSyntaxError } from '@gatehouse/contract';

/**
 * Role-mapping expressions over a signed-in identity: a standard field (`email`, `groups`, …)
 * reads the identity, so expressions work with any IdP's claim names; `claims.x` reads the raw
 * claim `x`; anything else is a dotted claim path. The language itself lives in the contract so
 * the console refuses an expression the agent could not compile.
 */
export function compileIdentityExpression(source: string): CompiledExpression<Identity> {
  return compileExpression(source, readExpressionPath);
}

function readExpressionPath(identity: Identity, path: string): unknown {
  if (path.startsWith('claims.'))
    return readClaimPath(identity.claims, path.slice('claims.'.length));
  return readIdentityField(identity, path);
}
