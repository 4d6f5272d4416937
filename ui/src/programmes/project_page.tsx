// One project: its facts, budget against what was spent, expenditures, its activities and its
// indicators' progress. Managers edit it, record and void expenditures and define indicators.
import { href } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { placeName, useI18n } from '../i18n/i18n';
import { ActivityTable } from './activities_page';
import { ExpendituresSection } from './expenditures_section';
import { IndicatorsSection } from './indicators_section';
import { Amount, DateRange, Fill, listOf, localName, StatusBadge } from './labels';
import { percent } from './money';
import { getProject, listActivities } from './programmes_api';
import type { Project } from './programmes_types';
import './programmes.css';

export function ProjectPage({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const project = useAsync(() => getProject(id), [id]);
  if (project.error && !project.data) return <section><ErrorBox error={project.error} onRetry={project.reload} /></section>;
  if (!project.data) return <section><Loading /></section>;
  const p = project.data;
  const manages = can(user.role, 'projects.manage');
  return (
    <section aria-labelledby="project-title">
      <p><a href={href('/projects')}>{t('project.back')}</a></p>
      <div class="page-head">
        <div>
          <h1 id="project-title"><bdi translate={false}>{localName(lang, p)}</bdi></h1>
          <p class="prog-marks">
            <bdi translate={false} dir="ltr" class="muted">{p.code}</bdi> <StatusBadge prefix="projectStatus" status={p.status} />
            {p.public && <span class="badge">{t('project.isPublic')}</span>}
          </p>
        </div>
        <div class="actions">
          {manages && <a class="button" href={href(`/projects/${p.id}/edit`)}>{t('project.edit')}</a>}
          {can(user.role, 'activities.record') && (
            <a class="button" href={href('/activities/new', { project_id: p.id })}>{t('activity.new')}</a>
          )}
        </div>
      </div>
      <BudgetBar project={p} />
      <ProjectFacts project={p} />
      <ExpendituresSection project={p} manages={manages} onChanged={project.reload} />
      <ProjectActivities project={p} />
      <IndicatorsSection project={p} manages={manages} />
    </section>
  );
}

/** Spent against budget: the figures in words, and a bar drawn beside them (over budget in red). */
export function BudgetBar({ project: p }: { project: Project }) {
  const { t } = useI18n();
  const ratio = p.spent_ratio ?? (p.budget > 0 ? p.spent / p.budget : null);
  const over = p.over_budget ?? (ratio !== null && ratio > 1);
  const width = ratio === null ? 0 : Math.min(100, Math.max(0, ratio * 100));
  return (
    <section class="card budget" aria-labelledby="budget-title">
      <h2 id="budget-title">{t('project.budgetTitle')}</h2>
      <p class="budget-text" role="status">
        <Fill text={t('project.spentLine')} values={{
          spent: <Amount value={p.spent} currency={p.currency} />,
          budget: <Amount value={p.budget} currency={p.currency} />,
          ratio: <bdi dir="ltr">{percent(ratio)}</bdi>,
        }} />
      </p>
      <div class={`budget-bar${over ? ' over' : ''}`} aria-hidden="true"><span style={{ inlineSize: `${width}%` }} /></div>
      {over && <p class="over-budget">{t('project.overBudget')}</p>}
    </section>
  );
}

function ProjectFacts({ project: p }: { project: Project }) {
  const { t, lang } = useI18n();
  return (
    <section class="card" aria-labelledby="project-facts-title">
      <h2 id="project-facts-title">{t('project.facts')}</h2>
      <dl class="details">
        <dt>{t('project.sectors')}</dt><dd>{listOf(t, lang, 'sector', p.sectors)}</dd>
        <dt>{t('project.dates')}</dt><dd><DateRange from={p.starts_on} to={p.ends_on} /></dd>
        <dt>{t('project.donor')}</dt><dd><bdi translate={false}>{p.donor || t('common.none')}</bdi></dd>
        <dt>{t('project.office')}</dt><dd>{p.office ? <bdi translate={false}>{p.office.name}</bdi> : t('common.none')}</dd>
        <dt>{t('project.places')}</dt>
        <dd>{p.places?.length ? p.places.map((x) => placeName(lang, x) || x.pcode).join(lang === 'en' ? ', ' : '، ') : t('common.none')}</dd>
        <dt>{t('project.currency')}</dt><dd><bdi translate={false}>{p.currency}</bdi></dd>
        {p.description && <><dt>{t('project.description')}</dt><dd class="prose"><bdi translate={false}>{p.description}</bdi></dd></>}
      </dl>
    </section>
  );
}

function ProjectActivities({ project }: { project: Project }) {
  const { t } = useI18n();
  const list = useAsync(() => listActivities({ project_id: project.id, limit: 10 }), [project.id]);
  return (
    <section class="card" aria-labelledby="project-activities-title">
      <h2 id="project-activities-title">{t('project.activities')}</h2>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p class="empty">{t('project.noActivities')}</p>}
      {list.data && list.data.items.length > 0 && <ActivityTable items={list.data.items} caption={t('project.activities')} />}
      {list.data && list.data.total > list.data.items.length && (
        <p><a href={href('/activities', { project_id: project.id })}>{t('project.allActivities', { n: list.data.total })}</a></p>
      )}
    </section>
  );
}
