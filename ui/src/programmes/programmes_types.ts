// Wire shapes and vocabularies of offices, projects, expenditures, activities, attendance, the
// staff roster and indicators (docs/programmes.md). Only what the screens read or send.

export const SECTORS = [
  'protection', 'gbv', 'child_protection', 'health', 'mhpss', 'food_security', 'shelter_nfi', 'wash',
  'education', 'cccm', 'livelihoods', 'logistics', 'mpca',
] as const;
export const PROJECT_STATUSES = ['planned', 'ongoing', 'completed'] as const;
export const CURRENCIES = ['IQD', 'USD', 'EUR'] as const;
export const EXPENDITURE_CATEGORIES = ['staff', 'supplies', 'cash', 'transport', 'rehabilitation', 'training', 'other'] as const;
export const ACTIVITY_TYPES = [
  'awareness_session', 'pfa_group', 'training', 'door_to_door', 'class', 'recreational_event',
  'social_cohesion_event', 'rehabilitation',
] as const;
export const ACTIVITY_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const UNIT_KINDS = ['house', 'school', 'clinic', 'water_point', 'other'] as const;
export const COUNT_SEXES = ['female', 'male'] as const;
export const AGE_GROUPS = ['0-5', '6-17', '18-59', '60+'] as const;
export const POPULATION_GROUPS = ['idp', 'returnee', 'refugee', 'host', 'other', 'unknown'] as const;
export const STAFF_KINDS = ['staff', 'volunteer'] as const;
export const STAFF_LANGUAGES = ['ar', 'ckb', 'kmr', 'en', 'syr', 'tr'] as const;
export const MEASURES = [
  'people_reached', 'households_reached', 'services_delivered', 'activities_held', 'units_rehabilitated',
  'trainees_improved',
] as const;
export const SOURCES = ['collection', 'activity', 'case_service', 'referral'] as const;
/** What `kinds` may hold besides activity types: collections' kinds and case modules. */
export const DISTRIBUTION_KINDS = ['in_kind', 'cash'] as const;
export const CASE_KINDS = ['gbv', 'child_protection', 'mhpss', 'legal', 'hlp', 'special_needs'] as const;

/** Types whose attendance counts sessions attended (a class's enrolment, a group's meetings). */
export const kSessionTypes: readonly string[] = ['class', 'pfa_group'];

export interface Ref { id: number; name: string }
export interface PlaceLabel { pcode?: string; name_en?: string; name_ar?: string }

export interface Office {
  id: number;
  version: number;
  name: string;
  name_ar: string;
  pcode: string;
  place?: PlaceLabel | null;
  lat?: number | null;
  lon?: number | null;
  /** False when lat/lon are the place's label point rather than the office's own. */
  own_point?: boolean;
  public: boolean;
  active: boolean;
  counts?: { staff: number | null; volunteers: number | null };
  created_at?: string;
  updated_at?: string;
}

export interface OfficeInput {
  name: string;
  name_ar: string;
  pcode: string;
  lat: number | null;
  lon: number | null;
  public: boolean;
  active: boolean;
}

/** What a project's read, its input and its form's draft hold alike. */
export interface ProjectBasics {
  code: string;
  name: string;
  name_ar: string;
  description: string;
  donor: string;
  sectors: string[];
  status: string;
  starts_on: string;
}

export interface Project extends ProjectBasics {
  id: number;
  version: number;
  ends_on?: string | null;
  office: Ref | null;
  places: PlaceLabel[];
  currency: string;
  budget: number;
  spent: number;
  spent_ratio?: number | null;
  over_budget?: boolean;
  public: boolean;
  created_at?: string;
  updated_at?: string;
}

export interface ProjectInput extends ProjectBasics {
  ends_on: string | null;
  office_id: number | null;
  /** P-codes (a read answers {pcode, name_en, name_ar} objects). */
  places: string[];
  currency: string;
  budget: number;
  public: boolean;
}

export interface Expenditure {
  id: number;
  spent_on: string;
  amount: number;
  category: string;
  description: string;
  created_at?: string;
  created_by?: { id: number; username: string } | null;
  voided_at?: string | null;
  void_reason?: string | null;
}

export interface ExpenditureInput { spent_on: string; amount: number; category: string; description: string }

export interface AttendanceSummary {
  registered: number;
  counted: number;
  total: number;
  improved?: number | null;
  mean_pre?: number | null;
  mean_post?: number | null;
}

export interface Activity {
  id: number;
  version: number;
  type: string;
  sector: string;
  title: string;
  project: { id: number; code: string; name: string } | null;
  office: Ref | null;
  pcode: string;
  place?: PlaceLabel | null;
  site: string;
  starts_on: string;
  ends_on?: string | null;
  status: string;
  facilitator: string;
  sessions: number;
  units: number;
  unit_kind: string;
  trainee_organisation: string;
  note: string;
  attendance?: AttendanceSummary | null;
  created_at?: string;
  updated_at?: string;
}

export interface ActivityInput {
  type: string;
  sector: string;
  title: string;
  project_id: number | null;
  office_id: number | null;
  pcode: string;
  site: string;
  starts_on: string;
  ends_on: string | null;
  status: string;
  facilitator: string;
  sessions?: number;
  units?: number;
  unit_kind?: string;
  trainee_organisation?: string;
  note: string;
}

export interface AttendancePerson {
  person: {
    id: number;
    given_name: string;
    father_name?: string;
    family_name?: string;
    name_latin?: string;
    sex?: string;
    birth_date?: string;
  };
  household_id?: number | null;
  sessions_attended?: number | null;
  pre_score?: number | null;
  post_score?: number | null;
}

export interface AttendanceCount { sex: string; age_group: string; population_group: string; count: number }

export interface Attendance { people: AttendancePerson[]; counts: AttendanceCount[] }

export interface AttendanceInput {
  version: number;
  people: { person_id: number; sessions_attended?: number; pre_score?: number; post_score?: number }[];
  counts: AttendanceCount[];
}

export interface StaffMember {
  id: number;
  version: number;
  office: Ref | null;
  kind: string;
  name: string;
  sex: string;
  position: string;
  phone: string;
  languages: string[];
  skills: string | string[];
  deployable: boolean;
  active: boolean;
}

/** A create or update: the office by its id, the skills as typed (comma-separated). */
export interface StaffInput extends Omit<StaffMember, 'id' | 'version' | 'office' | 'skills'> {
  office_id: number | null;
  skills: string;
}

export interface IndicatorDefinition {
  sources?: string[];
  sectors?: string[];
  kinds?: string[];
  pcode?: string;
  project_only?: boolean;
  unit_kinds?: string[];
}

export interface Indicator {
  id: number;
  version: number;
  project_id: number;
  code: string;
  name: string;
  name_ar: string;
  measure: string;
  definition: IndicatorDefinition;
  target: number | null;
  active: boolean;
  created_at?: string;
  updated_at?: string;
}

/** What a create or an update sends: the indicator without what the server keeps. */
export type IndicatorInput = Omit<Indicator, 'id' | 'version' | 'created_at' | 'updated_at'>;

export interface Progress {
  indicator: Indicator;
  period?: { from: string; to: string };
  value: number | null;
  times_served?: number | null;
  counted?: number | null;
  target: number | null;
  ratio: number | null;
  disaggregation?: { sex: string; age_group: string; population_group: string; value: number | null }[];
  series?: { key: string; label?: string; value: number | null; cumulative?: number | null }[];
}
