// The managers' dashboard (#/dashboard): the organisation's reach, activities, budgets and
// caseload for a period, project, sector and place, from GET /api/v1/reports/dashboard (exact,
// internal figures; docs/programmes.md). Every role of the organisation may read it; the 4W
// exports are offered to the roles that may download them.
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { useI18n } from '../i18n/i18n';
import { DashboardCharts } from './dashboard_charts';
import { DashboardFiltersForm, applyFilters, filtersOf } from './dashboard_filters';
import { DashboardMap } from './dashboard_map';
import { formatCount } from './numbers';
import { projectChoices } from '../programmes/programmes_api';
import { dashboard, fourWUrl } from './reports_api';
import type { DashboardData, ProjectChoice } from './reports_types';
import './reports.css';

export function ReportsDashboardPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  const filters = filtersOf(query);
  const key = JSON.stringify(filters);
  const loaded = useAsync(() => dashboard(filters), [key]);
  const projects = useAsync<ProjectChoice[]>(projectChoices, []);
  const data = loaded.data;

  return (
    <section aria-labelledby="reports-title" class="reports-dashboard">
      <div class="page-head">
        <div>
          <h1 id="reports-title">{t('reports.title')}</h1>
          <p class="muted">{t('reports.intro')}</p>
        </div>
        {can(user.role, 'reports.export') && (
          <p class="export-links" aria-label={t('reports.exports')} role="group">
            <a class="button" href={fourWUrl('xlsx', filters)} download>{t('reports.export4w')}</a>{' '}
            <a class="button" href={fourWUrl('csv', filters)} download>{t('reports.export4wCsv')}</a>
          </p>
        )}
      </div>
      <DashboardFiltersForm key={key} value={filters} projects={projects} />
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {loaded.loading && <Loading />}
      {data && (
        <>
          {data.period?.from && (
            <p class="muted period">
              {t('reports.period', { from: '\u2068' + data.period.from + '\u2069', to: '\u2068' + data.period.to + '\u2069' })}
            </p>
          )}
          <KeyFigures data={data} />
          <DashboardMap data={data} onOnlyHere={(pcode) => applyFilters({ ...filters, pcode })} />
          <DashboardCharts data={data} />
        </>
      )}
    </section>
  );
}

function KeyFigures({ data }: { data: DashboardData }) {
  const { t, lang } = useI18n();
  const count = (n: number) => formatCount(lang, n);
  const registered = Math.max(0, data.reached.people - data.reached.counted);
  return (
    <dl class="counts" aria-label={t('reports.keyFigures')}>
      <div>
        <dt>{t('reports.people')}</dt>
        <dd>{count(data.reached.people)}</dd>
        {data.reached.counted > 0 && (
          <dd class="hint">{t('reports.peopleParts', { registered: count(registered), counted: count(data.reached.counted) })}</dd>
        )}
      </div>
      <div><dt>{t('reports.timesServed')}</dt><dd>{count(data.reached.times_served)}</dd></div>
      <div><dt>{t('reports.households')}</dt><dd>{count(data.reached.households)}</dd></div>
      <div><dt>{t('reports.activitiesHeld')}</dt><dd>{count(data.activities.held)}</dd></div>
      <div><dt>{t('reports.openCases')}</dt><dd>{count(data.caseload.open)}</dd></div>
    </dl>
  );
}
