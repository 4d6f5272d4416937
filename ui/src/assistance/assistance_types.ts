// Wire shapes of distribution rounds, beneficiary lists, collections and cash transfers
// (docs/assistance.md "Distribution rounds", "Cash transfers"). Only what the UI reads or sends.
import type { ItemRef, Lot, WarehouseRef } from '../stock/stock_types';

export const ROUND_KINDS = ['in_kind', 'cash'] as const;
export const ROUND_STATUSES = ['draft', 'planned', 'open', 'closed', 'cancelled'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const CURRENCIES = ['IQD', 'USD'] as const;
export const MECHANISMS = ['mobile_money', 'bank_transfer', 'cash_in_hand', 'e_voucher'] as const;
export const COLLECTORS = ['head', 'member', 'proxy'] as const;
export const CASH_STATUSES = ['pending', 'paid', 'failed', 'returned'] as const;

export interface BasketLine {
  item: ItemRef;
  quantity: number;
  per_member: boolean;
  max_quantity: number | null;
}

export interface RoundCash {
  amount: number;
  currency: string;
  per_member: boolean;
  max_amount: number | null;
  mechanism: string;
}

export interface Criteria {
  displacement_status?: string[];
  pcode?: string | null;
  min_size?: number | null;
  max_size?: number | null;
  female_headed?: boolean;
  disability?: boolean;
  elderly?: boolean;
  child_under_5?: boolean;
  not_assisted_days?: number | null;
  max_households?: number | null;
}

export interface Round {
  id: number;
  version: number;
  name: string;
  kind: string;
  status: RoundStatus;
  project: string;
  pcode: string;
  site: string;
  warehouse: WarehouseRef | null;
  starts_on: string;
  ends_on: string;
  basket: BasketLine[];
  cash: RoundCash | null;
  criteria: Criteria;
  counts?: { households: number; people: number; collected: number; duplicates_skipped?: number };
  cancel_reason?: string | null;
  created_at?: string;
  updated_at?: string;
  allowed_next?: string[];
}

export interface RoundInput {
  name: string;
  kind: string;
  project: string;
  pcode: string;
  site: string;
  warehouse_id: number | null;
  starts_on: string;
  ends_on: string;
  basket: { item_id: number; quantity: number; per_member: boolean; max_quantity: number | null }[];
  cash: RoundCash | null;
  criteria: Criteria;
}

export interface PreviewItem {
  item: ItemRef;
  need: number;
  available: number;
  shortfall: number;
}

export interface Preview {
  households: number;
  people: number;
  duplicates_skipped?: number;
  items?: PreviewItem[];
  cash?: { total: number; currency: string } | null;
}

export interface BeneficiaryMember { id: number; name: string; relationship: string }

export interface Collection {
  id: number;
  distribution_id: number;
  household_id: number;
  token: string;
  collector: string;
  person_id: number | null;
  proxy_name: string | null;
  proxy_document: string | null;
  at: string;
  by: string | { id: number; username: string };
  issued: { item: ItemRef; lot: Lot | null; quantity: number }[];
  voided_at: string | null;
  void_reason: string | null;
}

export interface Beneficiary {
  household_id: number;
  token: string;
  status: string;
  head: { id: number; name: string; name_latin?: string } | null;
  size: number;
  members: BeneficiaryMember[];
  entitlement: { item_id: number; quantity: number; item?: ItemRef }[];
  cash: { amount: number; currency: string } | null;
  collection: Collection | null;
}

export interface CollectInput {
  household_id?: number;
  token?: string;
  collector: string;
  person_id?: number;
  proxy_name?: string;
  proxy_document?: string;
  note?: string;
}

export interface CashTransfer {
  id: number;
  reference: string;
  version: number;
  distribution: { id: number; name: string };
  household_id: number;
  recipient: { id: number; name: string; phone?: string } | null;
  amount: number;
  currency: string;
  mechanism: string;
  status: string;
  provider_reference: string;
  paid_amount: number | null;
  paid_at: string | null;
  failure_reason: string;
  updated_at?: string;
  allowed_next?: string[];
}

/** Who recorded a collection: the server sends a username or a user reference. */
export function byName(by: Collection['by'] | null | undefined): string {
  if (!by) return '';
  return typeof by === 'string' ? by : by.username;
}
