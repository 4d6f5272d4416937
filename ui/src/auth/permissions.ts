// What each role may do in the interface, mirroring the role table in docs/api.md. The server
// enforces these; the UI only hides what would be refused.
import type { Role } from '../api/types';

export type Permission = 'household.write' | 'household.archive' | 'audit.read' | 'admin';

const kAllowed: Record<Permission, readonly Role[]> = {
  'household.write': ['admin', 'supervisor', 'caseworker', 'registration'],
  'household.archive': ['admin', 'supervisor'],
  'audit.read': ['admin', 'supervisor'],
  admin: ['admin'],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return !!role && kAllowed[permission].includes(role);
}
