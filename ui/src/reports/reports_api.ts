// Calls behind the managers' dashboard: the dashboard itself and its 4W export. The projects for
// its filter are programmes_api.ts's projectChoices.
import { api } from '../api/client';
import type { DashboardData, DashboardFilters } from './reports_types';

export function dashboard(filters: DashboardFilters): Promise<DashboardData> {
  return api.get<DashboardData>('/reports/dashboard', { ...filters });
}

/** The 4W export of the same filters (the server applies disclosure control by default). */
export function fourWUrl(format: 'xlsx' | 'csv', filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'project_id', 'sector'] as const) {
    if (filters[key]) params.set(key, filters[key]);
  }
  const query = params.toString();
  return `/api/v1/reports/4w.${format}${query ? `?${query}` : ''}`;
}
