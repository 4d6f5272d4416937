// Wire shapes of items, warehouses, lots, the ledger, transfers and the stock report
// (docs/assistance.md "Stock"). Only what the UI reads or sends.
import type { Lang } from '../i18n/i18n';

export const ITEM_CATEGORIES = [
  'food', 'wash', 'nfi', 'shelter', 'hygiene', 'dignity_kit', 'medicine', 'other',
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export const MOVEMENT_KINDS = ['receipt', 'loss', 'adjustment', 'transfer_out', 'transfer_in', 'issue', 'return'] as const;
export const LOSS_REASONS = ['damaged', 'expired', 'spoiled', 'stolen', 'other'] as const;
export const TRANSFER_STATUSES = ['in_transit', 'received'] as const;

/** Units offered in the item form (the server accepts any short unit name). */
export const COMMON_UNITS = ['kit', 'piece', 'carton', 'bottle', 'bag', 'box', 'kg', 'g', 'litre', 'set'];

export interface ItemRef {
  id: number;
  code?: string;
  name_en: string;
  name_ar?: string;
  name_ckb?: string;
  unit?: string;
}

export interface Item extends ItemRef {
  version: number;
  code: string;
  name_ar: string;
  name_ckb: string;
  unit: string;
  category: string;
  active: boolean;
  created_at?: string;
  updated_at?: string;
}

export interface ItemInput {
  code: string;
  name_en: string;
  name_ar: string;
  name_ckb: string;
  unit: string;
  category: string;
  active: boolean;
}

export interface WarehouseRef { id: number; name: string }

export interface Warehouse extends WarehouseRef {
  version: number;
  pcode: string;
  place?: { name_en?: string; name_ar?: string } | null;
  address: string;
  active: boolean;
}

export interface WarehouseInput { name: string; pcode: string; address: string; active: boolean }

export interface Lot { id: number; number: string; expiry: string | null }

export interface Movement {
  id: number;
  at: string;
  kind: string;
  warehouse: WarehouseRef;
  item: ItemRef;
  lot: Lot | null;
  quantity: number;
  donor?: string;
  waybill?: string;
  reason?: string;
  note?: string;
  transfer_id?: number | null;
  distribution_id?: number | null;
  collection_id?: number | null;
  by?: { id: number; username: string } | null;
}

export interface BalanceLot { lot: Lot; quantity: number; expires_in_days?: number | null }

export interface Balance {
  warehouse: WarehouseRef;
  item: ItemRef;
  on_hand: number;
  reserved: number;
  available: number;
  incoming: number;
  expiring: number;
  lots: BalanceLot[];
}

export interface TransferLine {
  item: ItemRef;
  lot: Lot | null;
  sent: number;
  received: number | null;
  lost: number | null;
  loss_reason?: string | null;
}

export interface Transfer {
  id: number;
  version: number;
  status: string;
  from: WarehouseRef;
  to: WarehouseRef;
  waybill: string;
  note: string;
  dispatched_at?: string;
  dispatched_by?: string;
  received_at?: string | null;
  received_by?: string | null;
  lines: TransferLine[];
}

/** The item's name in the interface language, falling back to Arabic, then English. */
export function itemName(lang: Lang, item: Partial<ItemRef> | null | undefined): string {
  if (!item) return '';
  const en = item.name_en ?? '';
  const ar = item.name_ar ?? '';
  const ckb = item.name_ckb ?? '';
  if (lang === 'ar') return ar || en;
  if (lang === 'ckb') return ckb || ar || en;
  return en || ar;
}
