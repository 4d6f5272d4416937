// The case list: views (mine, due follow-ups, overdue; for supervisors the team's caseload and
// closure requests), module / status / risk filters and a search box, high risk first, with
// CSV and XLSX exports of the same filters. Everything lives in the hash
// (`#/cases?view=due&risk=high&page=2`) so back and reload keep it.
import { useEffect, useState } from 'preact/hooks';
import { CASE_STATUSES, CASE_VIEWS, RISKS, type CaseView, type ProtectionCase } from '../api/cases_types';
import type { Page } from '../api/types';
import { href, navigate } from '../app/router';
import { can, modulesOf } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { Pagination } from '../common/pagination';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n, type MessageKey } from '../i18n/i18n';
import { exportHref, listCases, type CaseFilters } from './cases_api';
import { CaseBadges, RiskBadge } from './badges';

const kLimit = 25;

const kViewLabels: Record<CaseView, MessageKey> = {
  mine: 'cases.viewMine',
  due: 'cases.viewDue',
  overdue: 'cases.viewOverdue',
  team: 'cases.viewTeam',
  closure_requests: 'cases.viewClosure',
};

const kEmpty: Record<CaseView, MessageKey> = {
  mine: 'cases.emptyMine',
  due: 'cases.emptyDue',
  overdue: 'cases.emptyOverdue',
  team: 'cases.emptyTeam',
  closure_requests: 'cases.emptyClosure',
};

function filtersOf(query: URLSearchParams, views: readonly CaseView[], fallback: CaseView): CaseFilters {
  const page = Number(query.get('page'));
  const view = query.get('view') ?? '';
  return {
    view: (views as readonly string[]).includes(view) ? view : fallback,
    module: query.get('module') ?? '',
    status: query.get('status') ?? '',
    risk: query.get('risk') ?? '',
    q: query.get('q') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function showFilters(filters: CaseFilters, fallback: CaseView): void {
  navigate('/cases', {
    ...filters,
    view: filters.view === fallback ? undefined : filters.view,
    page: filters.page > 1 ? filters.page : undefined,
  });
}

export function CasesPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  const supervisor = can(user.role, 'cases.supervise');
  const views = CASE_VIEWS.filter((v) => supervisor || (v !== 'team' && v !== 'closure_requests'));
  // A supervisor starts at the team's caseload, a caseworker at their own cases.
  const fallback: CaseView = supervisor ? 'team' : 'mine';
  const filters = filtersOf(query, views, fallback);
  const show = (f: CaseFilters) => showFilters(f, fallback);
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  const modules = modulesOf(user);

  const list = useAsync(() => listCases(filters, kLimit),
    [filters.view, filters.module, filters.status, filters.risk, filters.q, filters.page]);
  const filtered = !!(filters.module || filters.status || filters.risk || filters.q);
  const clear = () => {
    setText('');
    show({ view: filters.view, module: '', status: '', risk: '', q: '', page: 1 });
  };
  const exportFilters = {
    view: filters.view, module: filters.module, status: filters.status, risk: filters.risk, q: filters.q,
  };

  return (
    <section aria-labelledby="cases-title">
      <div class="page-head">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <div class="actions">
          {supervisor && <a class="button" href={href('/cases/dashboard')}>{t('nav.caseDashboard')}</a>}
          <a class="button primary" href={href('/cases/new')}>{t('cases.new')}</a>
        </div>
      </div>
      <nav class="tabs" aria-label={t('cases.views')}>
        <ul>
          {views.map((view) => (
            <li key={view}>
              <a href={href('/cases', { view: view === fallback ? undefined : view })}
                aria-current={filters.view === view ? 'page' : undefined}>
                {t(kViewLabels[view])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form class="filters" role="search" aria-label={t('cases.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          show({ ...filters, q: text.trim(), page: 1 });
        }}>
        <div class="field field-wide">
          <label for="cases-q">{t('cases.search')}</label>
          <input id="cases-q" type="search" dir="auto" value={text} aria-describedby="cases-q-hint"
            onInput={(e) => setText(e.currentTarget.value)} />
          <p id="cases-q-hint" class="hint">{t('cases.searchHint')}</p>
        </div>
        {modules.length > 1 && (
          <div class="field">
            <label for="cases-module">{t('case.module')}</label>
            <select id="cases-module" value={filters.module}
              onChange={(e) => show({ ...filters, module: e.currentTarget.value, page: 1 })}>
              <option value="">{t('common.all')}</option>
              {modules.map((m) => <option key={m} value={m}>{enumLabel(t, 'module', m)}</option>)}
            </select>
          </div>
        )}
        <div class="field">
          <label for="cases-status">{t('case.status')}</label>
          <select id="cases-status" value={filters.status}
            onChange={(e) => show({ ...filters, status: e.currentTarget.value, page: 1 })}>
            <option value="">{t('common.all')}</option>
            {CASE_STATUSES.map((s) => <option key={s} value={s}>{enumLabel(t, 'caseStatus', s)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="cases-risk">{t('case.risk')}</label>
          <select id="cases-risk" value={filters.risk}
            onChange={(e) => show({ ...filters, risk: e.currentTarget.value, page: 1 })}>
            <option value="">{t('common.all')}</option>
            {RISKS.map((r) => <option key={r} value={r}>{enumLabel(t, 'risk', r)}</option>)}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button primary">{t('households.searchButton')}</button>
          <button type="button" class="button" onClick={clear}>{t('households.clear')}</button>
        </div>
      </form>
      <p class="actions export-links">
        <span>{t('cases.export')}</span>
        <a class="button small" href={exportHref('csv', exportFilters)} download>
          {t('cases.download')} <span dir="ltr" translate={false}>CSV</span>
        </a>
        <a class="button small" href={exportHref('xlsx', exportFilters)} download>
          {t('cases.download')} <span dir="ltr" translate={false}>XLSX</span>
        </a>
      </p>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && list.data.page <= 1 && (
        <div class="empty" role="status">
          <p>{filtered ? t('cases.noMatch') : t(kEmpty[filters.view as CaseView])}</p>
          {filtered
            ? <button type="button" class="button" onClick={clear}>{t('households.clear')}</button>
            : filters.view === 'mine' && <a href={href('/cases/new')}>{t('cases.openFirst')}</a>}
        </div>
      )}
      {list.data && (list.data.items.length > 0 || list.data.page > 1) && (
        <CaseTable data={list.data} onPage={(page) => show({ ...filters, page })} />
      )}
    </section>
  );
}

function CaseTable({ data, onPage }: { data: Page<ProtectionCase>; onPage: (page: number) => void }) {
  const { t } = useI18n();
  return (
    <>
      <div class="table-scroll">
        <table class="list cases">
          <caption class="visually-hidden">{t('cases.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('case.reference')}</th>
              <th scope="col">{t('case.module')}</th>
              <th scope="col">{t('case.status')}</th>
              <th scope="col">{t('case.risk')}</th>
              <th scope="col">{t('case.owner')}</th>
              <th scope="col">{t('case.nextFollowUp')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.id} class={c.risk === 'high' ? 'risk-high' : undefined}>
                <th scope="row">
                  <a href={href(`/cases/${c.id}`)}><bdi translate={false} dir="ltr">{c.reference}</bdi></a>
                </th>
                <td>{enumLabel(t, 'module', c.module)}</td>
                <td>{enumLabel(t, 'caseStatus', c.status)}</td>
                <td><RiskBadge risk={c.risk} /></td>
                <td><bdi translate={false}>{c.owner?.username}</bdi></td>
                <td>
                  <bdi dir="ltr">{c.next_follow_up || t('common.none')}</bdi>{' '}
                  <CaseBadges overdue={!!c.overdue} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} limit={data.limit} total={data.total} count={data.items.length}
        onPage={onPage} />
    </>
  );
}
