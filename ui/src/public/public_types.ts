// Wire shapes of /api/v1/public/... (docs/programmes.md "The public page"). Counts of people are
// null when suppressed (below `threshold`); nothing here names or identifies a person.

export interface PublicOrganisation { id: number; name: string }

export type Suppressed = number | null;

export interface PublicFigures {
  organisation: PublicOrganisation;
  threshold: number;
  period: { from: string; to: string };
  people_reached: Suppressed;
  projects: { ongoing: number; completed: number };
  volunteers: Suppressed;
  staff: Suppressed;
  budget: { currency: string; budget: number; spent: number }[];
  by_sector: { sector: string; people_reached: Suppressed }[];
  by_governorate: { pcode: string; name_en: string; name_ar: string; people_reached: Suppressed }[];
}

export interface PublicMission {
  id: number;
  name: string;
  name_ar: string;
  lat: number;
  lon: number;
  pcode: string;
  place: { name_en: string; name_ar: string } | null;
  people_reached: Suppressed;
  projects: { ongoing: number; completed: number };
  activities: { type: string; sector: string; held: number; people_reached: Suppressed }[];
}
