import { compileExpression } from './compile-expression';
import { ExpressionSyntaxError } from './tokenize-expression';

/**
 * The console refuses an expression the agent could not compile (422 with the row's path), so
 * a bad expression never reaches an agent, where it would refuse the whole configuration.
 */
export function checkExpression(source: string): string | null {
  try {
    compileExpression(source, () => null);
    return null;
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return error.message;
    throw error;
  }
}
