import type { z } from 'zod';

// "users.json: [1].email: Invalid email address; [2].password: ..." — every problem at once,
// each with the path a person has to fix.
export function formatIssues(source: string, error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const path = issue.path
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
      .join('')
      .replace(/^\./, '');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return `${source}: ${problems.join('; ')}`;
}
