// What each role may do in the interface, mirroring the role table in docs/api.md. The server
// enforces these; the UI only hides what would be refused.
import type { Role } from '../api/types';

export type Permission = 'household.write' | 'household.archive' | 'audit.read' | 'admin' | 'dedup.review'
  | 'household.import';

const kAllowed: Record<Permission, readonly Role[]> = {
  'household.write': ['admin', 'supervisor', 'caseworker', 'registration'],
  'household.archive': ['admin', 'supervisor'],
  'audit.read': ['admin', 'supervisor'],
  admin: ['admin'],
  'dedup.review': ['admin', 'supervisor', 'me_officer'],
  'household.import': ['admin', 'supervisor', 'me_officer', 'registration'],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return !!role && kAllowed[permission].includes(role);
}
