// Wire shapes and calls of people search (`GET /people`) and probable matches
// (`POST /people/matches`), docs/api.md "People".
import { api } from '../api/client';
import type { PlaceRef } from '../api/types';
import type { MessageKey } from '../i18n/i18n';

export interface MatchReason { field: string; weight: number; detail: string }

export interface PersonHit {
  person: {
    id: number;
    given_name: string;
    father_name?: string;
    grandfather_name?: string;
    family_name?: string;
    name_latin?: string;
    sex: string;
    birth_date?: string;
    relationship: string;
  };
  household: { id: number; displacement_status: string; location: PlaceRef };
  score: number;
  reasons: MatchReason[];
}

export interface MatchQuery {
  given_name?: string;
  father_name?: string;
  grandfather_name?: string;
  family_name?: string;
  name_latin?: string;
  sex?: string;
  birth_date?: string;
  location_pcode?: string;
  phone?: string;
  document_number?: string;
  household_id?: number;
}

export interface MatchReport { items: PersonHit[]; other_organisations: number }

export const kMaxPeopleQuery = 200;

export function searchPeople(q: string, limit = 20): Promise<{ items: PersonHit[] }> {
  return api.get<{ items: PersonHit[] }>('/people', { q, limit });
}

export function findMatches(query: MatchQuery): Promise<MatchReport> {
  return api.post<MatchReport>('/people/matches', query);
}

const kReasonLabels: Record<string, MessageKey> = {
  given_name: 'form.givenName',
  father_name: 'form.fatherName',
  grandfather_name: 'form.grandfatherName',
  family_name: 'form.familyName',
  name_order: 'people.reasonNameOrder',
  sex: 'form.sex',
  birth_date: 'form.birthDate',
  pcode: 'households.place',
  phone: 'form.phone',
  document_number: 'form.docNumber',
};

/** The translation keys of what agreed (positive reasons), strongest first, each once. */
export function agreeingFields(reasons: MatchReason[]): MessageKey[] {
  const out: MessageKey[] = [];
  for (const reason of [...reasons].sort((a, b) => b.weight - a.weight)) {
    const key = kReasonLabels[reason.field];
    if (reason.weight > 0 && key && !out.includes(key)) out.push(key);
  }
  return out;
}
