import type { Permission } from '../api/actor';
import { ZIdParams } from '../shared/common.types';

export const user = (permission: Permission) => ({ auth: 'user' as const, permission });
export const byId = { params: ZIdParams };
