// The beneficiary list of a planned, open or closed round: search (name in any script, token,
// document, phone), listed / collected, pages, and the list as XLSX and as PDF (token, QR code,
// head, size, entitlement and a signature box) for the distribution point.
import { useState } from 'preact/hooks';
import { ErrorBox, Loading } from '../common/error_box';
import { formatTime } from '../common/format';
import { Pagination } from '../common/pagination';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { useItemNames } from '../stock/item_names';
import type { ItemRef } from '../stock/stock_types';
import { beneficiariesExportHref, listBeneficiaries } from './assistance_api';
import { byName, type Round } from './assistance_types';
import { formatMoney } from './money';

const kLimit = 25;

export function BeneficiariesSection({ round }: { round: Round }) {
  const { t, lang } = useI18n();
  const { itemName } = useItemNames();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const list = useAsync(() => listBeneficiaries(round.id, { q, status, page, limit: kLimit }),
    [round.id, round.version, q, status, page]);
  const items = new Map<number, ItemRef>(round.basket.map((l) => [l.item.id, l.item]));
  const sep = lang === 'en' ? ', ' : '، ';
  return (
    <section class="card" aria-labelledby="ben-title">
      <h2 id="ben-title">{t('ben.title')}</h2>
      <p class="actions export-links">
        <span>{t('ben.export')}</span>
        <a class="button small" href={beneficiariesExportHref(round.id, 'pdf', { lang })} download>
          {t('cases.download')} <span dir="ltr" translate={false}>PDF</span>
        </a>
        <a class="button small" href={beneficiariesExportHref(round.id, 'xlsx')} download>
          {t('cases.download')} <span dir="ltr" translate={false}>XLSX</span>
        </a>
      </p>
      <form class="filters" role="search" aria-label={t('ben.searchLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
          setPage(1);
        }}>
        <div class="field field-wide">
          <label for="ben-q">{t('ben.search')}</label>
          <input id="ben-q" type="search" dir="auto" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="ben-status">{t('ben.status')}</label>
          <select id="ben-status" value={status} onChange={(e) => {
            setStatus(e.currentTarget.value);
            setPage(1);
          }}>
            <option value="">{t('common.all')}</option>
            <option value="listed">{enumLabel(t, 'benStatus', 'listed')}</option>
            <option value="collected">{enumLabel(t, 'benStatus', 'collected')}</option>
          </select>
        </div>
        <div class="actions"><button type="submit" class="button primary">{t('households.searchButton')}</button></div>
      </form>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p class="empty" role="status">{t('ben.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <div class="table-scroll">
            <table class="list">
              <caption class="visually-hidden">{t('ben.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ben.token')}</th>
                  <th scope="col">{t('ben.head')}</th>
                  <th scope="col" class="num">{t('ben.size')}</th>
                  <th scope="col">{t('ben.entitlement')}</th>
                  <th scope="col">{t('ben.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((b) => (
                  <tr key={b.household_id}>
                    <td><bdi dir="ltr" class="collect-token" translate={false}>{b.token}</bdi></td>
                    <th scope="row"><bdi translate={false}>{b.head?.name}</bdi></th>
                    <td class="num">{b.size}</td>
                    <td>
                      <bdi translate={false}>
                        {b.entitlement.map((e) => `${e.quantity} × ${itemName(e.item ?? items.get(e.item_id) ?? e.item_id)}`).join(sep)}
                      </bdi>
                      {b.cash && <bdi dir="ltr">{formatMoney(b.cash.amount, b.cash.currency)}</bdi>}
                    </td>
                    <td>
                      {enumLabel(t, 'benStatus', b.status)}
                      {b.collection && (
                        <div class="muted">
                          <bdi dir="ltr">{formatTime(b.collection.at)}</bdi> · <bdi translate={false}>{byName(b.collection.by)}</bdi>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} limit={list.data.limit} total={list.data.total}
            count={list.data.items.length} onPage={setPage} />
        </>
      )}
    </section>
  );
}
