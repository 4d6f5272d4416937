// The ledger: every stock movement, newest first, filtered by warehouse, item, kind and dates,
// and the same filters as an XLSX workbook (every movement and the balances). Movements are
// never edited: a mistake is corrected by another movement.
import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { ErrorBox, Loading } from '../common/error_box';
import { formatTime } from '../common/format';
import { Pagination } from '../common/pagination';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { formatCount } from '../assistance/money';
import { activeItems, activeWarehouses, ledgerExportHref, listMovements, type LedgerFilters } from './stock_api';
import { useItemNames } from './item_names';
import { MOVEMENT_KINDS } from './stock_types';

const kLimit = 50;

export function LedgerPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { itemName } = useItemNames();
  const filters: LedgerFilters = {
    warehouse_id: query.get('warehouse_id') ?? '', item_id: query.get('item_id') ?? '', kind: query.get('kind') ?? '',
    from: query.get('from') ?? '', to: query.get('to') ?? '', distribution_id: query.get('distribution_id') ?? '',
    transfer_id: query.get('transfer_id') ?? '',
  };
  const page = Math.max(1, Number(query.get('page')) || 1);
  const show = (patch: Partial<LedgerFilters> & { page?: number }) => {
    const next = { ...filters, ...patch };
    navigate('/stock/ledger', { ...next, page: patch.page && patch.page > 1 ? patch.page : undefined });
  };
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  useEffect(() => {
    setFrom(filters.from);
    setTo(filters.to);
  }, [filters.from, filters.to]);
  const warehouses = useAsync(activeWarehouses, []);
  const items = useAsync(activeItems, []);
  const list = useAsync(() => listMovements(filters, page, kLimit), [...Object.values(filters), page]);

  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('ledger.title')}</h2>
      <form class="filters" role="search" aria-label={t('ledger.filters')} onSubmit={(e) => {
        e.preventDefault();
        show({ from, to, page: 1 });
      }}>
        <div class="field">
          <label for="ledger-warehouse">{t('stock.warehouse')}</label>
          <select id="ledger-warehouse" value={filters.warehouse_id} onChange={(e) => show({ warehouse_id: e.currentTarget.value, from, to })}>
            <option value="">{t('common.all')}</option>
            {(warehouses.data ?? []).map((w) => <option key={w.id} value={String(w.id)} translate={false}>{w.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="ledger-item">{t('stock.item')}</label>
          <select id="ledger-item" value={filters.item_id} onChange={(e) => show({ item_id: e.currentTarget.value, from, to })}>
            <option value="">{t('common.all')}</option>
            {(items.data ?? []).map((i) => <option key={i.id} value={String(i.id)} translate={false}>{itemName(i)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="ledger-kind">{t('ledger.kind')}</label>
          <select id="ledger-kind" value={filters.kind} onChange={(e) => show({ kind: e.currentTarget.value, from, to })}>
            <option value="">{t('common.all')}</option>
            {MOVEMENT_KINDS.map((k) => <option key={k} value={k}>{enumLabel(t, 'movementKind', k)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="ledger-from">{t('ledger.from')}</label>
          <input id="ledger-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="ledger-to">{t('ledger.to')}</label>
          <input id="ledger-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
        <div class="actions"><button type="submit" class="button primary">{t('households.searchButton')}</button></div>
      </form>
      <p class="actions export-links">
        <span>{t('ledger.export')}</span>
        <a class="button small" href={ledgerExportHref(filters)} download>
          {t('cases.download')} <span dir="ltr" translate={false}>XLSX</span>
        </a>
      </p>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && list.data.page <= 1 && <p class="empty" role="status">{t('ledger.none')}</p>}
      {list.data && (list.data.items.length > 0 || list.data.page > 1) && (
        <>
          <div class="table-scroll">
            <table class="list">
              <caption class="visually-hidden">{t('ledger.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ledger.at')}</th>
                  <th scope="col">{t('ledger.kind')}</th>
                  <th scope="col">{t('stock.item')}</th>
                  <th scope="col">{t('stock.warehouse')}</th>
                  <th scope="col">{t('stock.lot')}</th>
                  <th scope="col" class="num">{t('stock.quantity')}</th>
                  <th scope="col">{t('ledger.details')}</th>
                  <th scope="col">{t('ledger.by')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((m) => (
                  <tr key={m.id}>
                    <td><bdi dir="ltr">{formatTime(m.at)}</bdi></td>
                    <td>{enumLabel(t, 'movementKind', m.kind)}</td>
                    <th scope="row"><bdi translate={false}>{itemName(m.item)}</bdi></th>
                    <td><bdi translate={false}>{m.warehouse.name}</bdi></td>
                    <td>
                      <bdi dir="ltr" translate={false}>{m.lot?.number ?? ''}</bdi>
                      {m.lot?.expiry && <div class="muted"><bdi dir="ltr">{m.lot.expiry}</bdi></div>}
                    </td>
                    <td class="num"><bdi dir="ltr">{m.quantity > 0 ? `+${formatCount(m.quantity)}` : formatCount(m.quantity)}</bdi></td>
                    <td>
                      {m.donor && <div>{t('stock.donor')}: <bdi translate={false}>{m.donor}</bdi></div>}
                      {m.waybill && <div>{t('stock.waybill')}: <bdi dir="ltr" translate={false}>{m.waybill}</bdi></div>}
                      {m.reason && <div>{enumLabel(t, 'lossReason', m.reason)}</div>}
                      {m.note && <div><bdi translate={false}>{m.note}</bdi></div>}
                      {m.transfer_id && <div>{t('ledger.transfer', { id: m.transfer_id })}</div>}
                      {m.distribution_id && <div><a href={`#/distributions/${m.distribution_id}`}>{t('ledger.round', { id: m.distribution_id })}</a></div>}
                    </td>
                    <td><bdi translate={false}>{m.by?.username}</bdi></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} limit={list.data.limit} total={list.data.total} count={list.data.items.length}
            onPage={(p) => show({ page: p })} />
        </>
      )}
    </section>
  );
}
