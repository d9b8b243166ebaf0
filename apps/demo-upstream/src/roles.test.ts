import { describe, expect, it } from 'vitest';
import { parseGroupsHeader, ROLES_BY_RANK, type Role } from './roles';

function listPermutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    listPermutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

describe('parseGroupsHeader', () => {
  it('gives the highest recognised group whatever order the groups arrive in', () => {
    // Every non-empty subset of CVAT's groups, in every order.
    for (let mask = 1; mask < 1 << ROLES_BY_RANK.length; mask += 1) {
      const subset = ROLES_BY_RANK.filter((_, index) => mask & (1 << index));
      const expected = subset[0]; // ROLES_BY_RANK is highest first, and filter keeps its order
      for (const order of listPermutations(subset)) {
        expect(parseGroupsHeader(order.join(':')), order.join(':')).toEqual({
          groups: order,
          role: expected,
        });
      }
    }
  });

  it('ignores groups CVAT does not know, keeping the known ones', () => {
    expect(parseGroupsHeader('cvat-admins:worker:superuser')).toEqual({
      groups: ['worker'],
      role: 'worker',
    });
  });

  it('gives no role (null) when no recognised group is sent', () => {
    expect(parseGroupsHeader(undefined)).toEqual({ groups: [], role: null });
    expect(parseGroupsHeader('')).toEqual({ groups: [], role: null });
    expect(parseGroupsHeader('cvat-admins:staff')).toEqual({ groups: [], role: null });
  });

  it('matches names exactly, as CVAT matches Django group names', () => {
    expect(parseGroupsHeader('Admin:ADMIN: admin:user').role).toBe<Role>('user');
  });

  it('splits on colons only, so a comma-joined list is one unknown group', () => {
    expect(parseGroupsHeader('admin,user')).toEqual({ groups: [], role: null });
  });

  it('lists a group sent twice once', () => {
    expect(parseGroupsHeader('user:user:worker').groups).toEqual(['user', 'worker']);
  });
});
