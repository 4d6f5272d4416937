// The dashboard's figures as bar tables: reach by month, sector, population group and sex × age
// group; activities by type; projects by status; budget spent per currency; caseload and
// distributions. Categories are listed in the vocabulary's order (docs/programmes.md), with
// values the vocabulary does not know added after, as sent.
import { enumLabel, useI18n, type Translate } from '../i18n/i18n';
import { POPULATION_GROUPS, PROJECT_STATUSES, SECTORS } from '../programmes/programmes_types';
import { BarTable, type BarRow } from './bar_table';
import { formatCount, formatMoney, formatMonth, formatPercent } from './numbers';
import { AGE_GROUPS, SEXES, type DashboardData } from './reports_types';

/** Rows in `order` first (known values), then any others in the order they came. */
function ordered<T>(items: readonly T[], keyOf: (item: T) => string, order: readonly string[]): T[] {
  const rank = (item: T) => {
    const at = order.indexOf(keyOf(item));
    return at < 0 ? order.length : at;
  };
  return [...items].sort((a, b) => rank(a) - rank(b));
}

export function DashboardCharts({ data }: { data: DashboardData }) {
  const { t, lang } = useI18n();
  const count = (n: number) => formatCount(lang, n);
  const empty = t('reports.noData');
  const people = [{ label: t('reports.people') }];

  const sectors: BarRow[] = ordered(data.by_sector, (r) => r.sector, SECTORS)
    .map((r) => ({ key: r.sector, label: enumLabel(t, 'sector', r.sector), values: [r.people] }));
  const groups: BarRow[] = ordered(data.by_population_group, (r) => r.group, POPULATION_GROUPS)
    .map((r) => ({ key: r.group, label: enumLabel(t, 'reports.group', r.group), values: [r.people] }));
  const months: BarRow[] = [...data.by_month].sort((a, b) => a.month.localeCompare(b.month))
    .map((r) => ({ key: r.month, label: formatMonth(lang, r.month), values: [r.people, r.times_served] }));
  const activities: BarRow[] = data.activities.by_type
    .map((r) => ({ key: r.type, label: enumLabel(t, 'reports.activity', r.type), values: [r.held, r.participants] }));
  const projects: BarRow[] = PROJECT_STATUSES
    .map((status) => ({ key: status, label: enumLabel(t, 'projectStatus', status), values: [data.projects[status]] }));

  return (
    <div class="dashboard-grid">
      <section class="card wide" aria-labelledby="dash-month">
        <h2 id="dash-month">{t('reports.byMonth')}</h2>
        <BarTable caption={t('reports.byMonth')} head={t('reports.month')} rows={months} format={count} empty={empty}
          series={[{ label: t('reports.people') }, { label: t('reports.timesServed') }]} />
      </section>
      <section class="card" aria-labelledby="dash-sector">
        <h2 id="dash-sector">{t('reports.bySector')}</h2>
        <BarTable caption={t('reports.bySector')} head={t('reports.sector')} series={people} rows={sectors}
          format={count} empty={empty} />
      </section>
      <section class="card" aria-labelledby="dash-group">
        <h2 id="dash-group">{t('reports.byGroup')}</h2>
        <BarTable caption={t('reports.byGroup')} head={t('reports.group')} series={people} rows={groups}
          format={count} empty={empty} />
      </section>
      <section class="card wide" aria-labelledby="dash-sexage">
        <h2 id="dash-sexage">{t('reports.bySexAge')}</h2>
        <SexAgeTable data={data} t={t} count={count} />
      </section>
      <section class="card" aria-labelledby="dash-activities">
        <h2 id="dash-activities">{t('reports.activities')}</h2>
        <BarTable caption={t('reports.activities')} head={t('reports.activityType')} rows={activities}
          series={[{ label: t('reports.held') }, { label: t('reports.participants') }]} format={count} empty={empty} />
      </section>
      <section class="card" aria-labelledby="dash-projects">
        <h2 id="dash-projects">{t('reports.projects')}</h2>
        <BarTable caption={t('reports.projects')} head={t('reports.status')} rows={projects}
          series={[{ label: t('reports.projectsCol') }]} format={count} empty={empty} />
      </section>
      <section class="card" aria-labelledby="dash-budget">
        <h2 id="dash-budget">{t('reports.budget')}</h2>
        <BudgetTable data={data} />
      </section>
      <section class="card" aria-labelledby="dash-caseload">
        <h2 id="dash-caseload">{t('reports.caseload')}</h2>
        <BarTable caption={t('reports.caseload')} head={t('reports.module')} format={count} empty={empty}
          series={[{ label: t('reports.openCol') }, { label: t('reports.closedInPeriod') }]}
          rows={data.caseload.by_module.map((r) => ({
            key: r.module, label: enumLabel(t, 'module', r.module), values: [r.open, r.closed_in_period],
          }))} />
      </section>
      <section class="card" aria-labelledby="dash-distributions">
        <h2 id="dash-distributions">{t('reports.distributions')}</h2>
        <dl class="counts small">
          <div><dt>{t('reports.rounds')}</dt><dd>{count(data.distributions.rounds)}</dd></div>
          <div><dt>{t('reports.householdsCollected')}</dt><dd>{count(data.distributions.households_collected)}</dd></div>
        </dl>
        <BarTable caption={t('reports.rounds')} head={t('reports.status')} format={count} empty={empty}
          series={[{ label: t('reports.rounds') }]}
          rows={data.distributions.by_status.map((r) => ({
            key: r.status, label: enumLabel(t, 'roundStatus', r.status), values: [r.rounds],
          }))} />
      </section>
    </div>
  );
}

/** Rows: age groups; columns: each sex and the total. Every person is in exactly one cell. */
function SexAgeTable({ data, t, count }: { data: DashboardData; t: Translate; count: (n: number) => string }) {
  const cell = (sex: string, age: string) =>
    data.by_sex_age.filter((r) => r.sex === sex && r.age_group === age).reduce((sum, r) => sum + r.people, 0);
  const extraSexes = [...new Set(data.by_sex_age.map((r) => r.sex))].filter((s) => !(SEXES as readonly string[]).includes(s));
  const extraAges = [...new Set(data.by_sex_age.map((r) => r.age_group))].filter((a) => !(AGE_GROUPS as readonly string[]).includes(a));
  const sexes = [...SEXES, ...extraSexes];
  const rows: BarRow[] = [...AGE_GROUPS, ...extraAges].map((age) => {
    const values = sexes.map((sex) => cell(sex, age));
    return { key: age, label: enumLabel(t, 'reports.age', age), values: [...values, values.reduce((a, b) => a + b, 0)] };
  }).filter((row) => row.values.some((v) => (v ?? 0) > 0));
  return (
    <BarTable caption={t('reports.bySexAge')} head={t('reports.ageGroup')} rows={rows} format={count}
      empty={t('reports.noData')}
      series={[...sexes.map((sex) => ({ label: enumLabel(t, 'reports.sex', sex) })), { label: t('reports.total') }]} />
  );
}

/** Spent against budget, per currency (amounts in different currencies are never added up). */
function BudgetTable({ data }: { data: DashboardData }) {
  const { t, lang } = useI18n();
  if (data.budget.length === 0) return <p class="muted">{t('reports.noBudget')}</p>;
  return (
    <div class="table-scroll">
      <table class="bar-table budget-table">
        <caption class="visually-hidden">{t('reports.budget')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.currency')}</th>
            <th scope="col" class="num">{t('reports.budgetCol')}</th>
            <th scope="col" class="num">{t('reports.spentCol')}</th>
            <th scope="col" class="num">{t('reports.spentShare')}</th>
          </tr>
        </thead>
        <tbody>
          {data.budget.map((row) => {
            const ratio = row.budget > 0 ? row.spent / row.budget : 0;
            return (
              <tr key={row.currency}>
                <th scope="row" translate={false}>{row.currency}</th>
                <td class="num">{formatMoney(lang, row.budget, row.currency)}</td>
                <td class="num">{formatMoney(lang, row.spent, row.currency)}</td>
                <td class="bar-cell">
                  <div class="bar-line">
                    <span class="bar-track" aria-hidden="true">
                      <span class={`bar series-0${ratio > 1 ? ' over' : ''}`} style={{ inlineSize: `${Math.min(100, ratio * 100)}%` }} />
                    </span>
                    <span class="bar-value">{row.budget > 0 ? formatPercent(lang, ratio) : '—'}</span>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
