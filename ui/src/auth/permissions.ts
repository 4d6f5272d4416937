// What each role may do in the interface, mirroring the role tables in docs/api.md and
// docs/cases.md. The server enforces these; the UI only hides what would be refused.
import type { CaseModule, Role, SessionUser } from '../api/types';

export type Permission = 'household.write' | 'household.archive' | 'audit.read' | 'admin' | 'dedup.review'
  | 'household.import' | 'cases' | 'cases.supervise' | 'referrals' | 'services.manage'
  | 'stock.manage' | 'distribution.plan' | 'collection.record' | 'cash.manage' | 'reports.export'
  | 'projects.manage' | 'activities.record';

const kAllowed: Record<Permission, readonly Role[]> = {
  'household.write': ['admin', 'supervisor', 'caseworker', 'registration'],
  'household.archive': ['admin', 'supervisor'],
  'audit.read': ['admin', 'supervisor'],
  admin: ['admin'],
  'dedup.review': ['admin', 'supervisor', 'me_officer'],
  'household.import': ['admin', 'supervisor', 'me_officer', 'registration'],
  // Case work also needs at least one module (see canUseCases).
  cases: ['supervisor', 'caseworker'],
  'cases.supervise': ['supervisor'],
  referrals: ['supervisor', 'caseworker', 'registration'],
  'services.manage': ['admin', 'supervisor'],
  // Assistance (docs/assistance.md "Who does what"); every role reads stock, rounds and cash.
  'stock.manage': ['admin', 'supervisor', 'logistics'],
  'distribution.plan': ['admin', 'supervisor', 'logistics'],
  'collection.record': ['admin', 'supervisor', 'logistics', 'registration'],
  'cash.manage': ['admin', 'supervisor', 'logistics'],
  // Reports (docs/programmes.md "Who does what"): every role reads the dashboard; exports are kExportReports.
  'reports.export': ['admin', 'supervisor', 'me_officer'],
  // Programmes (docs/programmes.md "Who does what"): every role reads offices, projects and activities.
  'projects.manage': ['admin', 'supervisor', 'me_officer'],
  'activities.record': ['admin', 'supervisor', 'me_officer', 'caseworker', 'registration'],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return !!role && kAllowed[permission].includes(role);
}

/** The case modules the user holds (none on a server without case management). */
export function modulesOf(user: Pick<SessionUser, 'modules'>): CaseModule[] {
  return user.modules ?? [];
}

/** Caseworkers and supervisors with at least one module run cases. */
export function canUseCases(user: SessionUser): boolean {
  return can(user.role, 'cases') && modulesOf(user).length > 0;
}

/** A supervisor of `module`: approves closures, sends back, transfers its cases. */
export function supervises(user: SessionUser, module: string): boolean {
  return can(user.role, 'cases.supervise') && modulesOf(user).some((m) => m === module);
}
