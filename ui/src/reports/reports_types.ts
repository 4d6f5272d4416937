// Wire shapes of GET /api/v1/reports/dashboard (docs/programmes.md "Reports and exports"):
// internal, exact figures of the caller's organisation.
import type { Project } from '../programmes/programmes_types';

export interface DashboardFilters { from: string; to: string; project_id: string; sector: string; pcode: string }

export interface DashboardData {
  period: { from: string; to: string };
  reached: { people: number; counted: number; times_served: number; households: number };
  by_month: { month: string; people: number; times_served: number }[];
  by_sector: { sector: string; people: number }[];
  by_population_group: { group: string; people: number }[];
  by_sex_age: { sex: string; age_group: string; people: number }[];
  by_governorate: { pcode: string; name_en: string; name_ar: string; people: number; times_served: number }[];
  by_district: { pcode: string; name_en: string; name_ar: string; people: number }[];
  caseload: { open: number; by_module: { module: string; open: number; closed_in_period: number }[] };
  distributions: { rounds: number; households_collected: number; by_status: { status: string; rounds: number }[] };
  budget: { currency: string; budget: number; spent: number }[];
  projects: { planned: number; ongoing: number; completed: number };
  activities: { held: number; by_type: { type: string; held: number; participants: number }[] };
}

/** A project as the filter lists it (GET /api/v1/projects). */
export type ProjectChoice = Pick<Project, 'id' | 'code' | 'name' | 'name_ar'>;

// Sectors, population groups and project statuses are programmes_types.ts's. Sexes and age groups
// differ from the counts' (the dashboard adds `unknown`).
export const SEXES = ['female', 'male', 'unknown'] as const;
export const AGE_GROUPS = ['0-5', '6-17', '18-59', '60+', 'unknown'] as const;
