// Wire shapes of the sanad JSON API (docs/api.md). Only what the UI reads or sends.

export type Role = 'admin' | 'supervisor' | 'caseworker' | 'registration' | 'me_officer' | 'logistics' | 'viewer';
export const ROLES: readonly Role[] = [
  'admin', 'supervisor', 'caseworker', 'registration', 'me_officer', 'logistics', 'viewer',
];

/** Case management modules a caseworker or supervisor may hold (docs/cases.md). */
export const CASE_MODULES = ['gbv', 'child_protection', 'mhpss', 'legal', 'hlp', 'special_needs'] as const;
export type CaseModule = (typeof CASE_MODULES)[number];

export interface OrganisationRef { id: number; name: string }
export interface Organisation extends OrganisationRef { created_at?: string }

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  organisation: OrganisationRef;
  /** Case modules held; absent from servers before case management. */
  modules?: CaseModule[];
}
export interface Session { user: SessionUser; csrf_token: string }

export interface User {
  id: number;
  username: string;
  role: Role;
  organisation: OrganisationRef;
  disabled: boolean;
  modules?: CaseModule[];
  created_at?: string;
}

export interface Page<T> { items: T[]; page: number; limit: number; total: number }

export interface Place {
  pcode: string;
  level: number;
  name_en: string;
  name_ar: string;
  parent?: string | null;
  path?: Place[];
}

export const DISPLACEMENT_STATUSES = [
  'idp_in_camp', 'idp_out_of_camp', 'returnee', 'refugee', 'host_community', 'migrant',
] as const;
export type DisplacementStatus = (typeof DISPLACEMENT_STATUSES)[number];

export const SEXES = ['female', 'male'] as const;
export const RELATIONSHIPS = [
  'head', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'other',
] as const;
export const DOCUMENT_TYPES = [
  'national_id', 'unified_card', 'civil_id', 'passport', 'pds_card', 'other',
] as const;
export const WG_DOMAINS = [
  'seeing', 'hearing', 'mobility', 'cognition', 'self_care', 'communication',
] as const;
export const WG_ANSWERS = [
  'no_difficulty', 'some_difficulty', 'a_lot_of_difficulty', 'cannot_do_at_all', 'refused',
  'dont_know',
] as const;
export type WgDomain = (typeof WG_DOMAINS)[number];

export interface PlaceRef { pcode: string; site?: string; name_en?: string; name_ar?: string }

export interface MemberDocument { type: string; number: string }

export interface Member {
  id?: number;
  given_name: string;
  father_name?: string;
  grandfather_name?: string;
  family_name?: string;
  name_latin?: string;
  sex: string;
  birth_date?: string;
  relationship: string;
  phone?: string;
  documents?: MemberDocument[];
  disability?: Partial<Record<WgDomain, string>>;
}

export interface Household {
  id: number;
  version: number;
  organisation?: OrganisationRef;
  displacement_status: string;
  location: PlaceRef;
  origin?: PlaceRef | null;
  phone?: string;
  members: Member[];
  created_at?: string;
  updated_at?: string;
}

export interface Change { field: string; before: unknown; after: unknown }

export interface AuditEntry {
  id: number;
  at: string;
  user?: { id: number; username: string } | null;
  action: string;
  entity: string;
  entity_id: number | string;
  changes?: Change[];
}
