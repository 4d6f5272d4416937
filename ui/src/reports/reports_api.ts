// Calls behind the managers' dashboard: the dashboard itself and the projects for its filter.
import { api, itemsOf } from '../api/client';
import type { DashboardData, DashboardFilters, ProjectChoice } from './reports_types';

export function dashboard(filters: DashboardFilters): Promise<DashboardData> {
  return api.get<DashboardData>('/reports/dashboard', { ...filters });
}

/** The organisation's projects for the filter (the first 200). */
export async function projectChoices(): Promise<ProjectChoice[]> {
  return itemsOf(await api.get<{ items: ProjectChoice[] }>('/projects', { limit: 200 }));
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
