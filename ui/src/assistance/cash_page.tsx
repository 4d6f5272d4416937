// Cash transfers of the organisation's cash rounds: filter by round, status and text, change a
// transfer's status (pending → paid | failed, failed → pending, paid → returned), download the
// transfers as XLSX, and reconcile a round with the payment provider's CSV file.
import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { Pagination } from '../common/pagination';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { cashExportHref, listCashTransfers, listRounds } from './assistance_api';
import { CASH_STATUSES } from './assistance_types';
import { CashActions } from './cash_actions';
import { formatMoney } from './money';
import { Reconciliation } from './reconciliation';
import './assistance.css';

const kLimit = 25;

export function CashPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  const manages = can(user.role, 'cash.manage');
  const round = query.get('distribution_id') ?? '';
  const status = query.get('status') ?? '';
  const q = query.get('q') ?? '';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const show = (patch: { distribution_id?: string; status?: string; q?: string; page?: number }) => {
    const next = { distribution_id: round, status, q, ...patch };
    navigate('/cash', { ...next, page: patch.page && patch.page > 1 ? patch.page : undefined });
  };
  const rounds = useAsync(() => listRounds({ kind: 'cash', limit: 100 }).then((p) => p.items.filter((r) => r.kind === 'cash')), []);
  const list = useAsync(() => listCashTransfers({ distribution_id: round, status, q, page, limit: kLimit }), [round, status, q, page]);

  return (
    <section aria-labelledby="cash-title">
      <h1 id="cash-title">{t('cash.title')}</h1>
      <p class="hint">{t('cash.intro')}</p>
      <form class="filters" role="search" aria-label={t('cash.filters')} onSubmit={(e) => {
        e.preventDefault();
        show({ q: text.trim(), page: 1 });
      }}>
        <div class="field">
          <label for="cash-round">{t('cash.round')}</label>
          <select id="cash-round" value={round} onChange={(e) => show({ distribution_id: e.currentTarget.value, q: text.trim(), page: 1 })}>
            <option value="">{t('common.all')}</option>
            {(rounds.data ?? []).map((r) => <option key={r.id} value={String(r.id)} translate={false}>{r.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="cash-status">{t('cash.status')}</label>
          <select id="cash-status" value={status} onChange={(e) => show({ status: e.currentTarget.value, q: text.trim(), page: 1 })}>
            <option value="">{t('common.all')}</option>
            {CASH_STATUSES.map((s) => <option key={s} value={s}>{enumLabel(t, 'cashStatus', s)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="cash-q">{t('cash.search')}</label>
          <input id="cash-q" type="search" dir="auto" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="actions"><button type="submit" class="button primary">{t('households.searchButton')}</button></div>
      </form>
      <p class="actions export-links">
        <span>{t('cash.export')}</span>
        <a class="button small" href={cashExportHref(round)} download>
          {t('cases.download')} <span dir="ltr" translate={false}>XLSX</span>
        </a>
      </p>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && list.data.page <= 1 && <p class="empty" role="status">{t('cash.none')}</p>}
      {list.data && (list.data.items.length > 0 || list.data.page > 1) && (
        <>
          <div class="table-scroll">
            <table class="list">
              <caption class="visually-hidden">{t('cash.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cash.reference')}</th>
                  <th scope="col">{t('cash.recipient')}</th>
                  <th scope="col" class="num">{t('cash.amount')}</th>
                  <th scope="col">{t('cash.status')}</th>
                  <th scope="col">{t('cash.provider')}</th>
                  {manages && <th scope="col">{t('items.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((tr) => (
                  <tr key={tr.id}>
                    <th scope="row">
                      <bdi dir="ltr" translate={false}>{tr.reference}</bdi>
                      <div class="muted"><bdi translate={false}>{tr.distribution?.name}</bdi></div>
                    </th>
                    <td>
                      <bdi translate={false}>{tr.recipient?.name}</bdi>
                      {tr.recipient?.phone && <div><bdi dir="ltr" translate={false}>{tr.recipient.phone}</bdi></div>}
                    </td>
                    <td class="num">
                      <bdi dir="ltr">{formatMoney(tr.amount, tr.currency)}</bdi>
                      {tr.paid_amount != null && tr.paid_amount !== tr.amount && (
                        <div class="shortfall">{t('cash.paidAmount')}: <bdi dir="ltr">{formatMoney(tr.paid_amount, tr.currency)}</bdi></div>
                      )}
                    </td>
                    <td>
                      <span class={`badge round-status cash-${tr.status}`}>{enumLabel(t, 'cashStatus', tr.status)}</span>
                      <div class="muted">{enumLabel(t, 'mechanism', tr.mechanism)}</div>
                      {tr.paid_at && <div class="muted"><bdi dir="ltr">{tr.paid_at}</bdi></div>}
                      {tr.failure_reason && <div><bdi translate={false}>{tr.failure_reason}</bdi></div>}
                    </td>
                    <td><bdi dir="ltr" translate={false}>{tr.provider_reference}</bdi></td>
                    {manages && <td><CashActions transfer={tr} onChanged={list.reload} /></td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} limit={list.data.limit} total={list.data.total} count={list.data.items.length}
            onPage={(p) => show({ page: p })} />
        </>
      )}
      {manages && round && (rounds.data ?? []).some((r) => String(r.id) === round) && (
        <Reconciliation distributionId={Number(round)} onApplied={list.reload} />
      )}
      {manages && !round && <p class="hint">{t('recon.chooseRound')}</p>}
    </section>
  );
}
