// The organisation's item catalogue, loaded once per signed-in session (page by page), so every
// screen can name an item in the interface language: rounds, collections, the report, the
// ledger, balances and transfers embed items as {id, code, name_en, unit} only. One module-wide
// cache shared by all screens (the browser runs it on one thread); the catalogue screen drops
// it when it saves an item. Until the catalogue arrives, or if it cannot be read, names fall
// back to what the embedded item carries (English).
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { SessionContext } from '../auth/session';
import { useI18n, type Lang } from '../i18n/i18n';
import { listItems } from './stock_api';
import { itemName as nameIn, type Item, type ItemRef } from './stock_types';

/** The API's largest page (docs/api.md "Lists"). */
const kPageLimit = 200;
/** A guard against a server that keeps answering full pages: 50 × 200 items is far beyond any catalogue. */
const kMaxPages = 50;

interface Cache {
  /** Whose catalogue this is ("organisation:user"); another sign-in starts afresh. */
  owner: string;
  items: Map<number, Item> | null;
  /** False once an item was saved here: shown as patched, read again on next use. */
  fresh: boolean;
  loading: boolean;
  /** Counts resets, so an answer to an older load is dropped. */
  generation: number;
}

const cache: Cache = { owner: '', items: null, fresh: false, loading: false, generation: 0 };
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of [...listeners]) listener();
}

async function fetchCatalogue(): Promise<Map<number, Item>> {
  const all = new Map<number, Item>();
  for (let page = 1; page <= kMaxPages; page++) {
    const answer = await listItems({ active: 'all', limit: kPageLimit, page });
    const items = answer.items ?? [];
    for (const item of items) all.set(item.id, item);
    const limit = answer.limit || kPageLimit;
    if (items.length < limit) break;
    if (typeof answer.total === 'number' && page * limit >= answer.total) break;
  }
  return all;
}

function ensureLoaded(owner: string): void {
  if (cache.owner !== owner) {
    cache.owner = owner;
    cache.items = null;
    cache.fresh = false;
    cache.loading = false;
    cache.generation++;
  }
  if (cache.fresh || cache.loading) return;
  cache.loading = true;
  const mine = cache.generation;
  fetchCatalogue().then(
    (items) => {
      if (mine !== cache.generation) return;
      cache.items = items;
      cache.fresh = true;
      cache.loading = false;
      notify();
    },
    () => {
      if (mine !== cache.generation) return;
      // A screen must still work without the catalogue: keep the embedded names, and do not
      // retry on every render; the next save in the catalogue screen (or sign-in) tries again.
      cache.fresh = true;
      cache.loading = false;
    },
  );
}

/**
 * Called by the catalogue screen after an item is created or edited: the saved item shows at
 * once everywhere, and the whole catalogue is read again the next time a screen needs it.
 */
export function invalidateItemNames(saved?: Item): void {
  cache.generation++;
  cache.loading = false;
  cache.fresh = false;
  if (saved && cache.items) {
    cache.items = new Map(cache.items);
    cache.items.set(saved.id, saved);
  }
  if (listeners.size > 0 && cache.owner) ensureLoaded(cache.owner);
  notify();
}

type Ref = Partial<ItemRef> | number | null | undefined;

export interface ItemNames {
  /** The item's name in the interface language: Arabic; Sorani, else Arabic; else English. */
  itemName: (ref: Ref) => string;
  /** The unit as the organisation typed it ("kit", "piece"); never translated. */
  itemUnit: (ref: Ref) => string;
}

function lookup(items: Map<number, Item> | null, ref: Ref): Partial<ItemRef> | null {
  if (ref === null || ref === undefined) return null;
  const id = typeof ref === 'number' ? ref : ref.id;
  const known = id === undefined ? undefined : items?.get(id);
  if (typeof ref === 'number') return known ?? null;
  if (!known) return ref;
  // What the answer embeds wins (it is as new as the answer); the catalogue fills the gaps.
  return {
    id: known.id,
    name_en: ref.name_en || known.name_en,
    name_ar: ref.name_ar || known.name_ar,
    name_ckb: ref.name_ckb || known.name_ckb,
    unit: ref.unit || known.unit,
  };
}

export function itemNamesFor(lang: Lang, items: Map<number, Item> | null): ItemNames {
  return {
    itemName: (ref) => nameIn(lang, lookup(items, ref)),
    itemUnit: (ref) => lookup(items, ref)?.unit ?? '',
  };
}

/** Item names in the interface language; re-renders when the catalogue arrives or changes. */
export function useItemNames(): ItemNames {
  const { lang } = useI18n();
  const session = useContext(SessionContext);
  const owner = session ? `${session.user.organisation.id}:${session.user.id}` : '';
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((n) => n + 1);
    listeners.add(listener);
    if (owner) ensureLoaded(owner);
    return () => {
      listeners.delete(listener);
    };
  }, [owner]);
  const items = owner && cache.owner === owner ? cache.items : null;
  return useMemo(() => itemNamesFor(lang, items), [lang, items, version]);
}
