// The supervisor's dashboard: each caseworker's open, high-risk and overdue cases, the closure
// requests waiting for approval and the overdue cases, each linking to the case. A caseworker
// sees their own counts.
import type { ProtectionCase } from '../api/cases_types';
import { itemsOf } from '../api/client';
import { href } from '../app/router';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { CaseBadges, RiskBadge } from './badges';
import { dashboard } from './cases_api';
import { When } from './format';

interface Row { username: string; open: number; high_risk: number; overdue: number }

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** Per-caseworker rows, whether each names its user as `user`, `owner` or flat. */
function rowsOf(data: Record<string, unknown>): Row[] {
  const list = itemsOf(data.caseworkers as { items?: unknown[] } | unknown[] | undefined);
  return list.map((raw) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const who = (r.user ?? r.owner ?? r.caseworker ?? r) as { username?: unknown };
    return {
      username: typeof who.username === 'string' ? who.username : '',
      open: num(r.open),
      high_risk: num(r.high_risk),
      overdue: num(r.overdue),
    };
  });
}

function casesOf(data: Record<string, unknown>, ...keys: string[]): ProtectionCase[] {
  for (const key of keys) {
    const value = data[key];
    if (Array.isArray(value) || (value && typeof value === 'object' && 'items' in value)) {
      return itemsOf(value as { items?: ProtectionCase[] } | ProtectionCase[]);
    }
  }
  return [];
}

export function DashboardPage() {
  const { t } = useI18n();
  const loaded = useAsync(dashboard, []);
  const data = loaded.data as Record<string, unknown> | null;
  const rows = data ? rowsOf(data) : [];
  const closures = data ? casesOf(data, 'closure_requests') : [];
  const overdue = data ? casesOf(data, 'overdue') : [];
  const totals = (data?.totals ?? {}) as Record<string, unknown>;

  return (
    <section aria-labelledby="dashboard-title">
      <div class="page-head">
        <h1 id="dashboard-title">{t('dashboard.title')}</h1>
        <a class="button" href={href('/cases', { view: 'team' })}>{t('cases.viewTeam')}</a>
      </div>
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {loaded.loading && !data && <Loading />}
      {data && (
        <dl class="counts" aria-label={t('dashboard.totals')}>
          <div><dt>{t('dashboard.open')}</dt><dd>{num(totals.open)}</dd></div>
          <div><dt>{t('dashboard.highRisk')}</dt><dd>{num(totals.high_risk)}</dd></div>
          <div><dt>{t('dashboard.overdue')}</dt><dd>{num(totals.overdue)}</dd></div>
          <div><dt>{t('dashboard.closureRequests')}</dt><dd>{num(totals.closure_requests)}</dd></div>
        </dl>
      )}
      {data && rows.length > 0 && (
        <section class="card" aria-labelledby="dash-team-title">
          <h2 id="dash-team-title">{t('dashboard.caseload')}</h2>
          {(
            <div class="table-scroll">
              <table class="list">
                <thead>
                  <tr>
                    <th scope="col">{t('role.caseworker')}</th>
                    <th scope="col" class="num">{t('dashboard.open')}</th>
                    <th scope="col" class="num">{t('dashboard.highRisk')}</th>
                    <th scope="col" class="num">{t('dashboard.overdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.username}>
                      <th scope="row"><bdi translate={false}>{r.username}</bdi></th>
                      <td class="num">{r.open}</td>
                      <td class="num">{r.high_risk > 0 ? <strong class="risk-text">{r.high_risk}</strong> : r.high_risk}</td>
                      <td class="num">{r.overdue > 0 ? <strong class="overdue-text">{r.overdue}</strong> : r.overdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {data && (
        <>
          <CaseList id="dash-closures" title={t('dashboard.closures')} empty={t('dashboard.noClosures')} cases={closures}
            more={href('/cases', { view: 'closure_requests' })} />
          <CaseList id="dash-overdue" title={t('dashboard.overdueCases')} empty={t('dashboard.noOverdue')} cases={overdue}
            more={href('/cases', { view: 'overdue' })} />
        </>
      )}
    </section>
  );
}

interface ListProps { id: string; title: string; empty: string; cases: ProtectionCase[]; more: string }

function CaseList({ id, title, empty, cases, more }: ListProps) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {cases.length === 0 ? <p class="muted">{empty}</p> : (
        <ul class="case-links">
          {cases.map((c) => (
            <li key={c.id}>
              <a href={href(`/cases/${c.id}`)}><bdi translate={false} dir="ltr">{c.reference}</bdi></a>
              {' · '}{enumLabel(t, 'module', c.module)}
              {c.owner?.username && <>{' · '}<bdi translate={false}>{c.owner.username}</bdi></>}
              {' '}<RiskBadge risk={c.risk} />{' '}<CaseBadges overdue={!!c.overdue} />
              {c.status_since && <span class="muted"> · <When at={c.status_since} /></span>}
            </li>
          ))}
        </ul>
      )}
      <p><a href={more}>{t('dashboard.seeAll')}</a></p>
    </section>
  );
}
