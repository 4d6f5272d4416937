// Calls of items, warehouses, stock movements, the report, the ledger and transfers
// (docs/assistance.md "Stock"). Every list is per organisation; the server enforces roles.
import { api, withQuery, type Query } from '../api/client';
import type { Page } from '../api/types';
import type {
  Balance, Item, ItemInput, Movement, Transfer, Warehouse, WarehouseInput,
} from './stock_types';

/** Lists shown as choices in forms: everything active, in one page. */
const kChoiceLimit = 200;

export function listItems(query: Query): Promise<Page<Item>> {
  return api.get<Page<Item>>('/items', query);
}

export function activeItems(): Promise<Item[]> {
  return listItems({ active: 'true', limit: kChoiceLimit }).then((p) => p.items ?? []);
}

export function createItem(input: ItemInput): Promise<Item> {
  return api.post<Item>('/items', input);
}

export function updateItem(id: number, change: Partial<ItemInput> & { version: number }): Promise<Item> {
  return api.patch<Item>(`/items/${id}`, change);
}

export function listWarehouses(query: Query): Promise<Page<Warehouse>> {
  return api.get<Page<Warehouse>>('/warehouses', query);
}

export function activeWarehouses(): Promise<Warehouse[]> {
  return listWarehouses({ active: 'true', limit: kChoiceLimit }).then((p) => p.items ?? []);
}

export function createWarehouse(input: WarehouseInput): Promise<Warehouse> {
  return api.post<Warehouse>('/warehouses', input);
}

export function updateWarehouse(id: number, change: Partial<WarehouseInput> & { version: number }): Promise<Warehouse> {
  return api.patch<Warehouse>(`/warehouses/${id}`, change);
}

export interface BalanceFilters { warehouse_id?: string; item_id?: string; category?: string; expiring_days?: string }

export function listBalances(filters: BalanceFilters): Promise<Balance[]> {
  return api.get<{ items?: Balance[] } | Balance[]>('/stock/balances', { ...filters })
    .then((d) => (Array.isArray(d) ? d : d?.items ?? []));
}

/** A receipt, loss or adjustment; the answer is the movement(s) written. */
export function recordMovement(body: Record<string, unknown>): Promise<unknown> {
  return api.post<unknown>('/stock/movements', body);
}

export interface LedgerFilters {
  warehouse_id: string;
  item_id: string;
  kind: string;
  from: string;
  to: string;
  distribution_id?: string;
  transfer_id?: string;
}

export function listMovements(filters: LedgerFilters, page: number, limit: number): Promise<Page<Movement>> {
  return api.get<Page<Movement>>('/stock/movements', { ...filters, page, limit });
}

/** The ledger workbook of the same filters, downloaded by the browser with the session cookie. */
export function ledgerExportHref(filters: LedgerFilters): string {
  return withQuery('/api/v1/stock/movements/export.xlsx', { ...filters });
}

export function listTransfers(query: Query): Promise<Page<Transfer>> {
  return api.get<Page<Transfer> | Transfer[]>('/stock/transfers', query).then((d) => (Array.isArray(d)
    ? { items: d, page: 1, limit: d.length, total: d.length }
    : d));
}

export interface DispatchInput {
  from_warehouse_id: number;
  to_warehouse_id: number;
  waybill: string;
  note: string;
  lines: { item_id: number; lot_id?: number; quantity: number }[];
}

export function dispatchTransfer(input: DispatchInput): Promise<Transfer> {
  return api.post<Transfer>('/stock/transfers', input);
}

export interface ReceiveLine { lot_id: number; received: number; loss_reason?: string }

export function receiveTransfer(id: number, version: number, lines: ReceiveLine[]): Promise<Transfer> {
  return api.post<Transfer>(`/stock/transfers/${id}/receive`, { version, lines });
}
