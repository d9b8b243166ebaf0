// Distinct exit codes so an orchestrator's restart reason says why the agent stopped
// (values from BSD sysexits.h, which operators may recognise).

/** The environment is missing or has invalid variables (EX_CONFIG). */
export const EXIT_INVALID_ENVIRONMENT = 78;

/** The console refused the provisioning key: revoked or expired (EX_NOPERM). */
export const EXIT_PROVISIONING_KEY_REJECTED = 77;

/** The agent could not start, e.g. its admin port is taken. */
export const EXIT_STARTUP_FAILED = 1;
