// The stock report: one row per warehouse × item with what is on hand, reserved by planned and
// open rounds, available, on the way (incoming) and expiring soon, with its lots. Filters by
// warehouse, item, category and the expiry horizon live in the hash (`#/stock?warehouse_id=2`).
import { navigate } from '../app/router';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { formatCount } from '../assistance/money';
import { activeItems, activeWarehouses, listBalances, type BalanceFilters } from './stock_api';
import { useItemNames } from './item_names';
import { ITEM_CATEGORIES } from './stock_types';

export function BalancesPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { itemName, itemUnit } = useItemNames();
  const filters: Required<BalanceFilters> = {
    warehouse_id: query.get('warehouse_id') ?? '', item_id: query.get('item_id') ?? '',
    category: query.get('category') ?? '', expiring_days: query.get('expiring_days') ?? '90',
  };
  const show = (patch: Partial<BalanceFilters>) =>
    navigate('/stock', { ...filters, ...patch, expiring_days: (patch.expiring_days ?? filters.expiring_days) === '90' ? undefined : patch.expiring_days ?? filters.expiring_days });
  const warehouses = useAsync(activeWarehouses, []);
  const items = useAsync(activeItems, []);
  const rows = useAsync(() => listBalances(filters),
    [filters.warehouse_id, filters.item_id, filters.category, filters.expiring_days]);

  return (
    <section aria-labelledby="bal-title">
      <h2 id="bal-title">{t('stock.report')}</h2>
      <p class="hint">{t('stock.reportHint')}</p>
      <div class="filters" role="search" aria-label={t('stock.filters')}>
        <div class="field">
          <label for="bal-warehouse">{t('stock.warehouse')}</label>
          <select id="bal-warehouse" value={filters.warehouse_id} onChange={(e) => show({ warehouse_id: e.currentTarget.value })}>
            <option value="">{t('common.all')}</option>
            {(warehouses.data ?? []).map((w) => <option key={w.id} value={String(w.id)} translate={false}>{w.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="bal-item">{t('stock.item')}</label>
          <select id="bal-item" value={filters.item_id} onChange={(e) => show({ item_id: e.currentTarget.value })}>
            <option value="">{t('common.all')}</option>
            {(items.data ?? []).map((i) => <option key={i.id} value={String(i.id)} translate={false}>{itemName(i)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="bal-category">{t('item.category')}</label>
          <select id="bal-category" value={filters.category} onChange={(e) => show({ category: e.currentTarget.value })}>
            <option value="">{t('common.all')}</option>
            {ITEM_CATEGORIES.map((c) => <option key={c} value={c}>{enumLabel(t, 'itemCategory', c)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="bal-expiring">{t('stock.expiringDays')}</label>
          <select id="bal-expiring" value={filters.expiring_days} onChange={(e) => show({ expiring_days: e.currentTarget.value })}>
            {['30', '60', '90', '180', '365'].map((d) => <option key={d} value={d}>{t('stock.days', { n: d })}</option>)}
          </select>
        </div>
      </div>
      <ErrorBox error={rows.error} onRetry={rows.reload} />
      {rows.loading && !rows.data && <Loading />}
      {rows.data && rows.data.length === 0 && <p class="empty" role="status">{t('stock.noStock')}</p>}
      {rows.data && rows.data.length > 0 && (
        <div class="table-scroll">
          <table class="list balances">
            <caption class="visually-hidden">{t('stock.report')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stock.item')}</th>
                <th scope="col">{t('stock.warehouse')}</th>
                <th scope="col" class="num">{t('stock.onHand')}</th>
                <th scope="col" class="num">{t('stock.reserved')}</th>
                <th scope="col" class="num">{t('stock.available')}</th>
                <th scope="col" class="num">{t('stock.incoming')}</th>
                <th scope="col" class="num">{t('stock.expiring')}</th>
                <th scope="col">{t('stock.lots')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((b) => (
                <tr key={`${b.warehouse.id}-${b.item.id}`}>
                  <th scope="row"><bdi translate={false}>{itemName(b.item)}</bdi> <span class="muted" translate={false}>{itemUnit(b.item)}</span></th>
                  <td><bdi translate={false}>{b.warehouse.name}</bdi></td>
                  <td class="num">{formatCount(b.on_hand)}</td>
                  <td class="num">{formatCount(b.reserved)}</td>
                  <td class="num"><strong>{formatCount(b.available)}</strong></td>
                  <td class="num">{formatCount(b.incoming)}</td>
                  <td class={`num${b.expiring > 0 ? ' expiring' : ''}`}>{formatCount(b.expiring)}</td>
                  <td>
                    <ul class="lots">
                      {(b.lots ?? []).map((l) => (
                        <li key={l.lot.id} class={l.expires_in_days != null && l.expires_in_days <= Number(filters.expiring_days) ? 'expiring' : undefined}>
                          <bdi dir="ltr" translate={false}>{l.lot.number || '—'}</bdi>: <bdi dir="ltr">{formatCount(l.quantity)}</bdi>
                          {l.lot.expiry && <> · {t('stock.expires')} <bdi dir="ltr">{l.lot.expiry}</bdi></>}
                          {l.expires_in_days != null && <> ({t('stock.inDays', { n: l.expires_in_days })})</>}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
