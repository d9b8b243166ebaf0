import { probe } from '@gatehouse/agent/testing';
import type { Target } from '../servers/bench-targets';

/**
 * wrk counts only 4xx/5xx as errors: a redirect to sign in would be measured as a fast success.
 * Before measuring a case, one request proves it answers 200 with the whole body, and with the
 * signed-in identity reaching the upstream exactly when the case is the protected one.
 */
export async function verifyTarget(target: Target): Promise<void> {
  const response = await probe(target.url, { ...target.headers });
  const problems: string[] = [];
  if (response.status !== 200) problems.push(`status ${response.status}`);
  const length = Buffer.byteLength(response.body);
  if (length !== target.expect.bodyBytes)
    problems.push(`${length} bytes instead of ${target.expect.bodyBytes}`);
  const identity = response.headers['x-seen-email'] ?? null;
  if (identity !== target.expect.identity) {
    problems.push(`the upstream saw X-Email ${JSON.stringify(identity)}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `${target.caseId} (${target.url}) is not answering as measured cases must: ${problems.join(', ')}`,
    );
  }
}
