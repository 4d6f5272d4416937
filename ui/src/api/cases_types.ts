// Wire shapes of protection cases, services and referrals (docs/cases.md). Only what the UI
// reads or sends; fields the server may leave out of list items are optional.
import type { CaseModule, OrganisationRef } from './types';

export const CASE_STATUSES = [
  'open', 'assessment', 'case_plan', 'follow_up', 'closure_requested', 'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];

export const IDENTIFIED_BY = ['self', 'outreach', 'referral', 'hotline', 'other'] as const;

/** What a referral may share about the person, and what consent lists as shareable. */
export const SHARE_FIELDS = ['name', 'sex', 'age', 'phone', 'location', 'summary'] as const;
export type ShareField = (typeof SHARE_FIELDS)[number];

export const GBV_VIOLENCE_TYPES = [
  'rape', 'sexual_assault', 'physical_assault', 'forced_marriage', 'denial_of_resources',
  'psychological_abuse',
] as const;
export const SEPARATIONS = ['none', 'separated', 'unaccompanied'] as const;
export const COURT_STAGES = ['none', 'filed', 'hearing', 'judgment', 'appeal', 'enforced'] as const;
export const NEEDS = [
  'medical', 'psychosocial', 'safety', 'legal', 'documentation', 'shelter', 'cash', 'education',
  'livelihoods', 'family_tracing', 'other',
] as const;
/** What legal and HLP cases lose and recover: the registry's documents and more. */
export const CASE_DOCUMENT_TYPES = [
  'national_id', 'unified_card', 'civil_id', 'nationality_certificate', 'passport', 'pds_card',
  'birth_certificate', 'marriage_certificate', 'death_certificate', 'residency_card', 'title_deed',
  'rental_contract', 'other',
] as const;

export const CASE_VIEWS = ['mine', 'due', 'overdue', 'team', 'closure_requests'] as const;
export type CaseView = (typeof CASE_VIEWS)[number];

export interface UserRef { id: number; username: string }

export interface CasePerson { id: number; name?: string; household_id?: number }

export interface CaseDates {
  open?: string | null;
  assessment?: string | null;
  case_plan?: string | null;
  follow_up?: string | null;
  closure_requested?: string | null;
  closed?: string | null;
}

export interface Intake { identified_by?: string; narrative?: string; date?: string }

export interface Consent {
  registration?: boolean;
  contact?: boolean;
  share_with?: number[];
  share_fields?: string[];
  given_on?: string | null;
  taken_by?: string | null;
}

export interface Assessment { summary?: string; needs?: string[] }

export interface PlanAction { action: string; responsible?: string; due?: string | null; done?: boolean }
export interface PlanGoal { goal: string; actions: PlanAction[] }
export interface Plan { goals: PlanGoal[] }

/** The module's own fields; which keys apply depends on the module. */
export interface CaseDetails {
  incident_date?: string | null;
  violence_type?: string | null;
  days_to_report?: number | null;
  perpetrator_relation?: string | null;
  caregiver_name?: string | null;
  caregiver_relation?: string | null;
  separation?: string | null;
  documents_lost?: string[];
  documents_recovered?: string[];
  property?: string | null;
  court_stage?: string | null;
}

export interface ProtectionCase {
  id: number;
  reference: string;
  module: CaseModule;
  status: CaseStatus;
  risk: Risk;
  version: number;
  owner: UserRef;
  assigned?: UserRef[];
  people?: CasePerson[];
  dates?: CaseDates;
  next_follow_up?: string | null;
  overdue?: boolean;
  allowed_next?: CaseStatus[];
  intake?: Intake | null;
  consent?: Consent | null;
  assessment?: Assessment | null;
  plan?: Plan | null;
  details?: CaseDetails | null;
  closure?: { reason?: string } | null;
  status_since?: string;
  /** List items: when the case was opened. */
  opened_at?: string;
  created_at?: number | string;
  updated_at?: number | string;
}

/** The editable sections of `PATCH /cases/{id}`. */
export type CaseSection = 'intake' | 'consent' | 'assessment' | 'plan' | 'details' | 'closure';

/**
 * One event of `GET /cases/{id}/timeline`: its `kind`, when and by whom, the server's English
 * `summary` and a `body` whose fields depend on the kind.
 */
export interface TimelineEvent {
  kind?: string;
  at?: number | string;
  user?: string | UserRef | null;
  summary?: string;
  body?: Record<string, unknown> | null;
  [key: string]: unknown;
}

export interface CaseworkerCounts {
  user: UserRef;
  open: number;
  high_risk: number;
  overdue: number;
}

export interface Dashboard {
  /** Over every case the user sees: the team's for a supervisor, their own for a caseworker. */
  totals?: { open?: number; high_risk?: number; overdue?: number; closure_requests?: number };
  caseworkers?: CaseworkerCounts[];
  closure_requests?: ProtectionCase[];
  overdue?: ProtectionCase[];
}

export const SERVICE_TYPES = [
  'health', 'mhpss', 'gbv_safe_space', 'legal_aid', 'cash', 'shelter', 'education', 'livelihoods',
  'child_protection', 'food', 'wash', 'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export interface Service {
  id: number;
  type: ServiceType;
  name: string;
  pcode: string;
  organisation: OrganisationRef;
  contact_name?: string | null;
  contact_phone?: string | null;
  contact_email?: string | null;
  eligibility?: string | null;
  active?: boolean;
  version?: number;
  place?: { pcode: string; name_en?: string; name_ar?: string } | null;
}

/** What a supervisor or admin types for a service (POST / PATCH /services). */
export interface ServiceInput {
  type: string;
  name: string;
  pcode: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  eligibility: string;
  active: boolean;
}

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'cancelled', 'completed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface Referral {
  id: number;
  version?: number;
  status: ReferralStatus;
  urgency: Urgency;
  /** The statuses this user may move the referral to now. */
  allowed_next?: ReferralStatus[];
  from: {
    organisation: OrganisationRef;
    user?: string | UserRef | null;
    case_id?: number | null;
    household_id?: number | null;
  };
  service: { id: number; type: ServiceType; name: string; organisation: OrganisationRef };
  reason?: string | null;
  shared?: Record<string, unknown> | null;
  sent_at?: number | string | null;
  due_at?: number | string | null;
  overdue?: boolean;
  responded_at?: number | string | null;
  decline_reason?: string | null;
  cancel_reason?: string | null;
  service_given_at?: number | string | null;
  service_date?: string | null;
  feedback?: string | null;
}

export interface ReferralInput {
  case_id: number;
  service_id: number;
  urgency: Urgency;
  reason: string;
  share: string[];
}
