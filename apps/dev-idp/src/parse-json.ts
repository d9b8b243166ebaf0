/** JSON.parse that names where the broken text came from (a variable or a file). */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`${source} is not valid JSON: ${reason}`, { cause });
  }
}
