// Referrals: the inbox (to my organisation: accept, decline, record the service given) and the
// outbox (mine, or my organisation's for supervisors: status, times, feedback, cancel), each
// filterable by status, overdue ones marked. The box, status and page live in the hash
// (`#/referrals?box=outbox&status=sent`).
import type { Referral } from '../api/cases_types';
import { REFERRAL_STATUSES } from '../api/cases_types';
import type { Page } from '../api/types';
import { href, navigate } from '../app/router';
import { ErrorBox, Loading } from '../common/error_box';
import { Pagination } from '../common/pagination';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { formatInstant, isoInstant } from '../cases/format';
import { ReferralActions } from './referral_actions';
import { getReferral, listReferrals, type Box, type ReferralFilters } from './referrals_api';

const kLimit = 25;

function filtersOf(query: URLSearchParams): ReferralFilters {
  const page = Number(query.get('page'));
  return {
    box: query.get('box') === 'outbox' ? 'outbox' : 'inbox',
    status: query.get('status') ?? '',
    overdue: query.get('overdue') === 'true',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function show(f: ReferralFilters): void {
  navigate('/referrals', {
    box: f.box === 'inbox' ? undefined : f.box,
    status: f.status,
    overdue: f.overdue ? 'true' : undefined,
    page: f.page > 1 ? f.page : undefined,
  });
}

export function ReferralsPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const filters = filtersOf(query);
  const list = useAsync(() => listReferrals(filters, kLimit), [filters.box, filters.status, filters.overdue, filters.page]);
  const boxes: Box[] = ['inbox', 'outbox'];
  const replace = (changed: Referral) => {
    if (!list.data) return;
    list.setData({ ...list.data, items: list.data.items.map((r) => (r.id === changed.id ? changed : r)) });
  };

  return (
    <section aria-labelledby="referrals-title">
      <div class="page-head">
        <h1 id="referrals-title">{t('referrals.title')}</h1>
        <a class="button" href={href('/services')}>{t('nav.services')}</a>
      </div>
      <nav class="tabs" aria-label={t('referrals.boxes')}>
        <ul>
          {boxes.map((box) => (
            <li key={box}>
              <a href={href('/referrals', { box: box === 'inbox' ? undefined : box })}
                aria-current={filters.box === box ? 'page' : undefined}>
                {box === 'inbox' ? t('referrals.inbox') : t('referrals.outbox')}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="hint">{filters.box === 'inbox' ? t('referrals.inboxHint') : t('referrals.outboxHint')}</p>
      <div class="filters">
        <div class="field">
          <label for="referrals-status">{t('referral.status')}</label>
          <select id="referrals-status" value={filters.status}
            onChange={(e) => show({ ...filters, status: e.currentTarget.value, page: 1 })}>
            <option value="">{t('common.all')}</option>
            {REFERRAL_STATUSES.map((s) => <option key={s} value={s}>{enumLabel(t, 'referralStatus', s)}</option>)}
          </select>
        </div>
        <label class="check">
          <input type="checkbox" checked={filters.overdue}
            onChange={(e) => show({ ...filters, overdue: e.currentTarget.checked, page: 1 })} />
          {t('referrals.overdueOnly')}
        </label>
      </div>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && list.data.page <= 1 && (
        <p class="empty" role="status">
          {filters.status || filters.overdue ? t('referrals.noMatch') : filters.box === 'inbox' ? t('referrals.emptyInbox') : t('referrals.emptyOutbox')}
        </p>
      )}
      {list.data && (list.data.items.length > 0 || list.data.page > 1) && (
        <ReferralTable box={filters.box} data={list.data} onChanged={replace} onPage={(page) => show({ ...filters, page })} />
      )}
    </section>
  );
}

interface TableProps {
  box: Box;
  data: Page<Referral>;
  onChanged: (r: Referral) => void;
  onPage: (page: number) => void;
}

function ReferralTable({ box, data, onChanged, onPage }: TableProps) {
  const { t } = useI18n();
  return (
    <>
      <div class="table-scroll">
        <table class="list referrals">
          <caption class="visually-hidden">{box === 'inbox' ? t('referrals.inbox') : t('referrals.outbox')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referrals.referral')}</th>
              <th scope="col">{box === 'inbox' ? t('referrals.from') : t('referrals.to')}</th>
              <th scope="col">{t('referral.urgency')}</th>
              <th scope="col">{t('referral.status')}</th>
              <th scope="col">{t('referrals.times')}</th>
              <th scope="col">{t('referrals.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => {
              const name = typeof r.shared?.name === 'string' ? r.shared.name : '';
              return (
                <tr key={r.id} class={r.overdue ? 'overdue' : undefined}>
                  <th scope="row">
                    <a href={href(`/referrals/${r.id}`)}>{t('referrals.referralN', { id: r.id })}</a>
                    <div><bdi translate={false}>{r.service?.name}</bdi></div>
                    <div class="muted">{enumLabel(t, 'serviceType', r.service?.type)}</div>
                    {box === 'inbox' && name && <div><bdi translate={false}>{name}</bdi></div>}
                  </th>
                  <td>
                    <bdi translate={false}>{box === 'inbox' ? r.from?.organisation?.name : r.service?.organisation?.name}</bdi>
                    {box === 'outbox' && r.from?.case_id && (
                      <div><a href={href(`/cases/${r.from.case_id}`)}>{t('referrals.fromCase')}</a></div>
                    )}
                  </td>
                  <td><span class={`badge urgency-${r.urgency}`}>{enumLabel(t, 'urgency', r.urgency)}</span></td>
                  <td>
                    <span class={`badge ref-status ref-${r.status}`}>{enumLabel(t, 'referralStatus', r.status)}</span>
                    {r.overdue && <> <span class="badge badge-overdue">{t('case.overdue')}</span></>}
                    <Answer referral={r} />
                  </td>
                  <td><Times referral={r} /></td>
                  <td><ReferralActions referral={r} onChanged={onChanged} label={t('referrals.referralN', { id: r.id })} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} limit={data.limit} total={data.total} count={data.items.length} onPage={onPage} />
    </>
  );
}

/** Sent, due, answered and service-given times, those known. */
export function Times({ referral: r }: { referral: Referral }) {
  const { t } = useI18n();
  const row = (label: string, value: number | string | null | undefined) => (value === null || value === undefined || value === ''
    ? null
    : <div><span class="muted">{label} </span><time dateTime={isoInstant(value)} dir="ltr">{formatInstant(value)}</time></div>);
  return (
    <>
      {row(t('referrals.sentAt'), r.sent_at)}
      {r.status === 'sent' && row(t('referrals.dueAt'), r.due_at)}
      {row(t('referrals.respondedAt'), r.responded_at)}
      {row(t('referrals.serviceGivenAt'), r.service_given_at)}
    </>
  );
}

/**
 * The receiver's words on an answered referral: the reason it was declined or the feedback on
 * the service. List items may leave them out (they are sealed); then the referral is read.
 */
function Answer({ referral: r }: { referral: Referral }) {
  const answered = r.status === 'declined' || r.status === 'completed';
  const inline = r.decline_reason ?? r.feedback;
  const full = useAsync(
    () => (answered && inline === undefined ? getReferral(r.id) : Promise.resolve(null)),
    [r.id, r.status, answered, inline === undefined],
  );
  const text = inline ?? full.data?.decline_reason ?? full.data?.feedback;
  if (!text) return null;
  return <div class="muted answer"><bdi translate={false}>{text}</bdi></div>;
}
