export { startDevIdp, type DevIdp, type StartDevIdpOptions } from './server';
export { DEFAULT_CLIENTS, type DevClientInput } from './clients';
export { DEFAULT_USERS_FILE, type DevUserInput } from './users';
export type { TokenLifetimes } from './provider';
