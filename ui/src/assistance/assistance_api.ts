// Calls of distribution rounds, their beneficiary lists, collections and reports, and of cash
// transfers and reconciliation (docs/assistance.md). The server enforces roles and workflow.
import { api, withQuery, type Query } from '../api/client';
import type { Page } from '../api/types';
import type {
  Beneficiary, CashTransfer, Collection, CollectInput, Preview, Round, RoundInput,
} from './assistance_types';

export function listRounds(query: Query): Promise<Page<Round>> {
  return api.get<Page<Round>>('/distributions', query);
}

export function getRound(id: number): Promise<Round> {
  return api.get<Round>(`/distributions/${id}`);
}

export function createRound(input: RoundInput): Promise<Round> {
  return api.post<Round>('/distributions', input);
}

export function updateRound(id: number, change: RoundInput & { version: number }): Promise<Round> {
  return api.patch<Round>(`/distributions/${id}`, change);
}

export function previewRound(id: number): Promise<Preview> {
  return api.get<Preview>(`/distributions/${id}/preview`);
}

/** The route of each workflow step, by the status it leads to. */
const kStepRoute: Record<string, string> = {
  planned: 'plan', open: 'open', closed: 'close', cancelled: 'cancel', draft: 'draft',
};

export function moveRound(id: number, to: string, version: number, reason?: string): Promise<Round> {
  const body: Record<string, unknown> = { version };
  if (reason !== undefined) body.reason = reason;
  return api.post<Round>(`/distributions/${id}/${kStepRoute[to] ?? to}`, body);
}

export function listBeneficiaries(id: number, query: Query): Promise<Page<Beneficiary>> {
  return api.get<Page<Beneficiary>>(`/distributions/${id}/beneficiaries`, query);
}

export function beneficiariesExportHref(id: number, format: 'xlsx' | 'pdf', query: Query = {}): string {
  return withQuery(`/api/v1/distributions/${id}/beneficiaries/export.${format}`, query);
}

export function recordCollection(id: number, input: CollectInput): Promise<Collection> {
  return api.post<Collection>(`/distributions/${id}/collections`, input);
}

export function voidCollection(id: number, collectionId: number, reason: string): Promise<Collection> {
  return api.post<Collection>(`/distributions/${id}/collections/${collectionId}/void`, { reason });
}

export function listCollections(id: number, page: number, limit: number): Promise<Page<Collection>> {
  return api.get<Page<Collection>>(`/distributions/${id}/collections`, { page, limit });
}

export function roundReport(id: number): Promise<unknown> {
  return api.get<unknown>(`/distributions/${id}/report`);
}

export function listCashTransfers(query: Query): Promise<Page<CashTransfer>> {
  return api.get<Page<CashTransfer>>('/cash/transfers', query);
}

export interface CashStatusChange {
  version: number;
  status: string;
  provider_reference?: string;
  paid_amount?: number;
  paid_at?: string;
  reason?: string;
}

export function setCashStatus(id: number, change: CashStatusChange): Promise<CashTransfer> {
  return api.post<CashTransfer>(`/cash/transfers/${id}/status`, change);
}

export function cashExportHref(distributionId: string): string {
  return withQuery('/api/v1/cash/transfers/export.xlsx', { distribution_id: distributionId });
}

/** Checks (dry run) or applies a provider's CSV; a 422 ApiError's body holds the problems. */
export function reconcile(distributionId: number, csv: Blob, dryRun: boolean): Promise<unknown> {
  return api.upload<unknown>(withQuery('/cash/reconciliation', {
    distribution_id: distributionId, dry_run: dryRun ? 'true' : 'false',
  }), csv, 'text/csv');
}

export function reconciliationReport(distributionId: number): Promise<unknown> {
  return api.get<unknown>('/cash/reconciliation', { distribution_id: distributionId });
}
