// Calls of referrals (docs/cases.md "Services and referrals"): the inbox (referrals to my
// organisation) and outbox (mine, or my organisation's for supervisors), sending from a case,
// and the steps sent → accepted | declined | cancelled, accepted → completed.
import { api } from '../api/client';
import type { Referral, ReferralInput } from '../api/cases_types';
import type { Page } from '../api/types';

export type Box = 'inbox' | 'outbox';

export interface ReferralFilters { box: Box; status: string; overdue: boolean; page: number }

export function listReferrals(filters: ReferralFilters, limit: number): Promise<Page<Referral>> {
  return api.get<Page<Referral>>('/referrals', { ...filters, overdue: filters.overdue ? 'true' : undefined, limit });
}

export const getReferral = (id: number) => api.get<Referral>(`/referrals/${id}`);

export const sendReferral = (input: ReferralInput) => api.post<Referral>('/referrals', input);

/**
 * Each step sends the referral's version (a stale one is a 409) and answers with the referral;
 * it is read again if the answer has none.
 */
async function step(r: Referral, name: string, body: Record<string, unknown>): Promise<Referral> {
  const answer = await api.post<Referral | null>(`/referrals/${r.id}/${name}`, { ...body, version: r.version });
  return answer && typeof answer === 'object' && 'status' in answer ? answer : getReferral(r.id);
}

export const acceptReferral = (r: Referral) => step(r, 'accept', {});
export const declineReferral = (r: Referral, reason: string) => step(r, 'decline', { reason });
export const recordService = (r: Referral, body: { note: string; date: string }) => step(r, 'service', body);
export const cancelReferral = (r: Referral, reason: string) => step(r, 'cancel', { reason });
