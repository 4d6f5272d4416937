// Calls of the case management API (docs/cases.md "Workflow"). Every change sends the case's
// `version`; a stale one comes back as a 409 ApiError for the caller to handle.
import { api, itemsOf, request, withQuery, type Query } from '../api/client';
import type {
  CaseStatus, Dashboard, ProtectionCase, TimelineEvent, UserRef,
} from '../api/cases_types';
import type { Page } from '../api/types';

export interface CaseFilters {
  view: string;
  module: string;
  status: string;
  risk: string;
  q: string;
  page: number;
}

export function listCases(filters: CaseFilters, limit: number): Promise<Page<ProtectionCase>> {
  return api.get<Page<ProtectionCase>>('/cases', { ...filters, page: filters.page, limit });
}

/** A plain link (the browser downloads with the session cookie) to the list's export. */
export function exportHref(format: 'csv' | 'xlsx', filters: Omit<CaseFilters, 'page'>): string {
  return withQuery(`/api/v1/cases/export.${format}`, filters as unknown as Query);
}

export const getCase = (id: number) => api.get<ProtectionCase>(`/cases/${id}`);

export function createCase(body: unknown): Promise<ProtectionCase> {
  return api.post<ProtectionCase>('/cases', body);
}

/** PATCHes sections (`{intake: …, version}`); returns the saved case. */
export async function patchCase(id: number, body: Record<string, unknown>): Promise<ProtectionCase> {
  return orFetch(id, await api.patch<ProtectionCase | null>(`/cases/${id}`, body));
}

export async function setStatus(
  id: number, status: CaseStatus, version: number, reason?: string,
): Promise<ProtectionCase> {
  const body = reason ? { status, version, reason } : { status, version };
  return orFetch(id, await api.post<ProtectionCase | null>(`/cases/${id}/status`, body));
}

export async function addFollowUp(
  id: number, body: { date: string; note: string; next_follow_up: string | null; version: number },
): Promise<ProtectionCase> {
  return orFetch(id, await api.post<ProtectionCase | null>(`/cases/${id}/follow_ups`, body));
}

export async function addService(
  id: number, body: { date: string; service: string; provider: string; note: string; version: number },
): Promise<ProtectionCase> {
  return orFetch(id, await api.post<ProtectionCase | null>(`/cases/${id}/services`, body));
}

export async function transferCase(
  id: number, body: { owner_id: number; version: number; reason: string },
): Promise<ProtectionCase> {
  return orFetch(id, await api.post<ProtectionCase | null>(`/cases/${id}/transfer`, body));
}

export async function assign(id: number, userId: number, version: number): Promise<ProtectionCase> {
  return orFetch(id, await api.post<ProtectionCase | null>(`/cases/${id}/assignments`, { user_id: userId, version }));
}

export async function unassign(id: number, userId: number, version: number): Promise<ProtectionCase> {
  return orFetch(id, await request<ProtectionCase | null>('DELETE', `/cases/${id}/assignments/${userId}`, { version }));
}

export function timeline(id: number): Promise<TimelineEvent[]> {
  return api.get<{ items: TimelineEvent[] } | TimelineEvent[]>(`/cases/${id}/timeline`).then((d) => itemsOf(d));
}

/** The organisation's users holding `module`, for transfer and assignment. */
export function caseworkers(module: string): Promise<UserRef[]> {
  return api.get<{ items: UserRef[] } | UserRef[]>('/cases/caseworkers', { module }).then((d) => itemsOf(d));
}

export const dashboard = () => api.get<Dashboard>('/cases/dashboard');

/** Some answers to a change may carry no case (204); read it then. */
function orFetch(id: number, answer: ProtectionCase | null | undefined): Promise<ProtectionCase> {
  return answer && typeof answer === 'object' && 'id' in answer && 'version' in answer
    ? Promise.resolve(answer)
    : getCase(id);
}
