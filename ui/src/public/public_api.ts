// The public page's only calls: no session, no CSRF token, anonymous GETs of suppressed
// aggregates (docs/programmes.md "The public page").
import { api, itemsOf } from '../api/client';
import type { PublicFigures, PublicMission, PublicOrganisation } from './public_types';

export async function organisations(): Promise<PublicOrganisation[]> {
  return itemsOf(await api.get<{ items?: PublicOrganisation[] } | PublicOrganisation[]>('/public/organisations'));
}

export function figures(id: number, year: number | null): Promise<PublicFigures> {
  return api.get<PublicFigures>(`/public/organisations/${id}/figures`, { year });
}

export async function missions(id: number): Promise<PublicMission[]> {
  return itemsOf(await api.get<{ items?: PublicMission[] } | PublicMission[]>(`/public/organisations/${id}/missions`));
}
