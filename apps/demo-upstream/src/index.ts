export { startDemoUpstream, type DemoUpstream, type StartDemoUpstreamOptions } from './server';
export { DEFAULT_API_USERS, type ApiUser, type ApiUserInput } from './api-users';
export { parseGroupsHeader, ROLES_BY_RANK, type Role } from './roles';
export type { DemoUser } from './users';
export type { WhoamiView } from './whoami-view';
export { MAX_BYTES } from './routes/bytes';
export { UPSTREAM_COOKIES } from './routes/set-cookie';
