// Numbers of a round shown as figures and tables: the preview (households and people eligible
// now, and per item the need, what is available and the shortfall) and the report after the
// round (planned vs reached, per item, cash). The report is drawn from its shape: numbers as
// figures, objects as groups, lists as tables, so a field the server adds still shows.
import { enumLabel, isMessageKey, useI18n, type Translate } from '../i18n/i18n';
import { useItemNames } from '../stock/item_names';
import type { ItemRef } from '../stock/stock_types';
import type { Preview } from './assistance_types';
import { formatCount, formatMoney } from './money';

export function Figures({ values }: { values: [string, number | string | null | undefined][] }) {
  return (
    <dl class="figures">
      {values.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd><bdi dir="ltr">{typeof value === 'number' ? formatCount(value) : value ?? '—'}</bdi></dd>
        </div>
      ))}
    </dl>
  );
}

export function PreviewView({ preview, cash }: { preview: Preview; cash: boolean }) {
  const { t } = useI18n();
  const { itemName, itemUnit } = useItemNames();
  const figures: [string, number | string | null | undefined][] = [
    [t('round.households'), preview.households],
    [t('round.people'), preview.people],
  ];
  if (preview.duplicates_skipped !== undefined) figures.push([t('round.duplicatesSkipped'), preview.duplicates_skipped]);
  if (cash && preview.cash) figures.push([t('round.cashTotal'), formatMoney(preview.cash.total, preview.cash.currency)]);
  const items = preview.items ?? [];
  return (
    <>
      <Figures values={figures} />
      {items.length > 0 && (
        <div class="table-scroll">
          <table class="list">
            <caption class="visually-hidden">{t('round.previewItems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('round.item')}</th>
                <th scope="col" class="num">{t('round.need')}</th>
                <th scope="col" class="num">{t('stock.available')}</th>
                <th scope="col" class="num">{t('round.shortfall')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.item.id}>
                  <th scope="row"><bdi translate={false}>{itemName(row.item)}</bdi> <span class="muted" translate={false}>{itemUnit(row.item)}</span></th>
                  <td class="num">{formatCount(row.need)}</td>
                  <td class="num">{formatCount(row.available)}</td>
                  <td class={`num${row.shortfall > 0 ? ' shortfall' : ''}`}>{formatCount(row.shortfall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.some((row) => row.shortfall > 0) && <p class="alert alert-warning" role="status">{t('round.shortfallNote')}</p>}
    </>
  );
}

function labelOf(t: Translate, key: string): string {
  const full = `report.${key}`;
  return isMessageKey(full) ? t(full) : key.replace(/_/g, ' ');
}

const isItemRef = (v: unknown): v is ItemRef => !!v && typeof v === 'object' && 'name_en' in (v as object);

/** The order figures, groups and columns are shown in (JSON objects arrive in any order). */
const kOrder = [
  'item', 'line', 'reference', 'kind', 'from', 'to', 'status', 'planned', 'reached', 'households', 'people',
  'by_head', 'by_member', 'by_proxy', 'reserved', 'issued', 'returned', 'still_reserved', 'released', 'lines',
  'unchanged', 'transfers', 'due', 'amount', 'paid', 'paid_amount', 'pending', 'failed', 'items', 'cash', 'counts',
  'changed', 'differences', 'message',
];
const rank = (key: string) => {
  const i = kOrder.indexOf(key);
  return i < 0 ? kOrder.length : i;
};
const byRank = <T,>(list: [string, T][]) => [...list].sort((a, b) => rank(a[0]) - rank(b[0]));

/** Sums of money in a report with a currency (the rest are counts). */
const kMoney = new Set(['due', 'paid', 'failed', 'returned', 'pending', 'amount', 'paid_amount', 'total']);

/** What identifies rather than counts: not shown as figures or columns. */
const kSkipped = new Set(['distribution', 'id', 'transfer_id', 'distribution_id', 'household_id', 'version', 'currency']);

export function ReportView({ report }: { report: unknown }) {
  const { t } = useI18n();
  if (!report || typeof report !== 'object') return null;
  const all = report as Record<string, unknown>;
  const entries = byRank(Object.entries(all).filter(([k]) => !kSkipped.has(k)));
  const currency = typeof all.currency === 'string' ? all.currency : null;
  const top = entries.filter(([, v]) => typeof v === 'number') as [string, number][];
  return (
    <div class="report">
      {top.length > 0 && (
        <Figures values={top.map(([k, v]) => [labelOf(t, k), currency && kMoney.has(k) ? formatMoney(v, currency) : v])} />
      )}
      {entries.map(([key, value]) => <ReportPart key={key} name={key} value={value} />)}
    </div>
  );
}

function ReportPart({ name, value }: { name: string; value: unknown }) {
  const { t } = useI18n();
  const { itemName } = useItemNames();
  if (Array.isArray(value)) {
    const rows = value.filter((v) => v && typeof v === 'object') as Record<string, unknown>[];
    if (rows.length === 0) return null;
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort((a, b) => rank(a) - rank(b))
      .filter((c) => !kSkipped.has(c) && rows.some((r) => r[c] !== null && (typeof r[c] !== 'object' || isItemRef(r[c]))));
    return (
      <>
        <h3>{labelOf(t, name)}</h3>
        <div class="table-scroll">
          <table class="list">
            <thead>
              <tr>{columns.map((c) => <th key={c} scope="col" class={rows.some((r) => typeof r[c] === 'number') ? 'num' : undefined}>{labelOf(t, c)}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => {
                    const v = row[c];
                    if (isItemRef(v)) return <th key={c} scope="row"><bdi translate={false}>{itemName(v)}</bdi></th>;
                    const money = typeof v === 'number' && kMoney.has(c) && typeof row.currency === 'string';
                    const status = typeof v === 'string' && (c === 'status' || c === 'from' || c === 'to') && isMessageKey(`cashStatus.${v}`);
                    if (status) return <td key={c}>{enumLabel(t, 'cashStatus', v as string)}</td>;
                    if (c === 'kind' && typeof v === 'string' && isMessageKey(`difference.${v}`)) return <td key={c}>{enumLabel(t, 'difference', v)}</td>;
                    const shown = money ? formatMoney(v as number, row.currency as string) : typeof v === 'number' ? formatCount(v) : String(v ?? '');
                    return <td key={c} class={typeof v === 'number' ? 'num' : undefined}><bdi translate={false} dir="auto">{shown}</bdi></td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const currency = typeof obj.currency === 'string' ? obj.currency : null;
    const numbers = byRank(Object.entries(obj).filter(([k, v]) => typeof v === 'number' && !kSkipped.has(k)) as [string, number][]);
    const nested = byRank(Object.entries(obj)).filter(([k, v]) => v && typeof v === 'object' && !kSkipped.has(k));
    return (
      <>
        <h3>{labelOf(t, name)}</h3>
        {numbers.length > 0 && (
          <Figures values={numbers.map(([k, v]) => [labelOf(t, k), currency && kMoney.has(k) ? formatMoney(v, currency) : v])} />
        )}
        {nested.map(([k, v]) => <ReportPart key={k} name={k} value={v} />)}
      </>
    );
  }
  return null;
}
