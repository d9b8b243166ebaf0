/** The console refused the provisioning key (401): revoked, expired or never valid. */
export class ProvisioningKeyRejectedError extends Error {
  constructor(consoleMessage: string) {
    super(`the console refused the provisioning key: ${consoleMessage}`);
    this.name = 'ProvisioningKeyRejectedError';
  }
}

/** The console answered, but not as the contract says; worth retrying later. */
export class ConsoleResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsoleResponseError';
  }
}

/** What went wrong in words for logs and heartbeats: "connect ECONNREFUSED …" rather than "fetch failed". */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}
