// The distribution rounds of the organisation, newest first, filtered by status and text; the
// filters live in the hash (`#/distributions?status=open&page=2`). Planners start a new round.
import type { Page } from '../api/types';
import { href, navigate } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { Pagination } from '../common/pagination';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { listRounds } from './assistance_api';
import { ROUND_KINDS, ROUND_STATUSES, type Round } from './assistance_types';
import { formatCount } from './money';
import './assistance.css';

const kLimit = 25;

// The server filters rounds by status and kind (no text search).
interface Filters { status: string; kind: string; page: number }

function filtersOf(query: URLSearchParams): Filters {
  const page = Number(query.get('page'));
  return { status: query.get('status') ?? '', kind: query.get('kind') ?? '', page: Number.isInteger(page) && page > 0 ? page : 1 };
}

function show(f: Filters): void {
  navigate('/distributions', { ...f, page: f.page > 1 ? f.page : undefined });
}

export function RoundStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span class={`badge round-status round-${status}`}>{enumLabel(t, 'roundStatus', status)}</span>;
}

export function RoundsPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  const filters = filtersOf(query);
  const list = useAsync(() => listRounds({ status: filters.status, kind: filters.kind, page: filters.page, limit: kLimit }),
    [filters.status, filters.kind, filters.page]);

  return (
    <section aria-labelledby="rounds-title">
      <div class="page-head">
        <h1 id="rounds-title">{t('rounds.title')}</h1>
        {can(user.role, 'distribution.plan') && (
          <a class="button primary" href={href('/distributions/new')}>{t('rounds.new')}</a>
        )}
      </div>
      <p class="hint">{t('rounds.intro')}</p>
      <div class="filters" role="search" aria-label={t('rounds.filters')}>
        <div class="field">
          <label for="rounds-status">{t('round.status')}</label>
          <select id="rounds-status" value={filters.status}
            onChange={(e) => show({ ...filters, status: e.currentTarget.value, page: 1 })}>
            <option value="">{t('common.all')}</option>
            {ROUND_STATUSES.map((s) => <option key={s} value={s}>{enumLabel(t, 'roundStatus', s)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="rounds-kind">{t('round.kind')}</label>
          <select id="rounds-kind" value={filters.kind}
            onChange={(e) => show({ ...filters, kind: e.currentTarget.value, page: 1 })}>
            <option value="">{t('common.all')}</option>
            {ROUND_KINDS.map((k) => <option key={k} value={k}>{enumLabel(t, 'roundKind', k)}</option>)}
          </select>
        </div>
      </div>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && list.data.page <= 1 && (
        <p class="empty" role="status">{t('rounds.none')}</p>
      )}
      {list.data && (list.data.items.length > 0 || list.data.page > 1) && (
        <RoundTable data={list.data} onPage={(page) => show({ ...filters, page })} />
      )}
    </section>
  );
}

function RoundTable({ data, onPage }: { data: Page<Round>; onPage: (page: number) => void }) {
  const { t } = useI18n();
  return (
    <>
      <div class="table-scroll">
        <table class="list">
          <caption class="visually-hidden">{t('rounds.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('round.name')}</th>
              <th scope="col">{t('round.kind')}</th>
              <th scope="col">{t('round.status')}</th>
              <th scope="col">{t('round.site')}</th>
              <th scope="col">{t('round.dates')}</th>
              <th scope="col" class="num">{t('round.collectedOf')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.id}>
                <th scope="row"><a href={href(`/distributions/${r.id}`)}><bdi translate={false}>{r.name}</bdi></a></th>
                <td>{enumLabel(t, 'roundKind', r.kind)}</td>
                <td><RoundStatusBadge status={r.status} /></td>
                <td><bdi translate={false}>{r.site}</bdi></td>
                <td><bdi dir="ltr">{r.starts_on}{r.ends_on && r.ends_on !== r.starts_on ? ` – ${r.ends_on}` : ''}</bdi></td>
                <td class="num">
                  {r.counts ? <bdi dir="ltr">{formatCount(r.counts.collected)} / {formatCount(r.counts.households)}</bdi> : t('common.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} limit={data.limit} total={data.total} count={data.items.length} onPage={onPage} />
    </>
  );
}
