// The organisation's projects, filtered by text, status, sector and office; the filters live in
// the hash (`#/projects?status=ongoing&sector=gbv`). Managers start a new project.
import { href, navigate } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { FilterSelect, ListResults, SearchFilters, useSearchText } from '../common/list_page';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { Amount, DateRange, Fill, listOf, localName, StatusBadge } from './labels';
import { percent } from './money';
import { listProjects, officeChoices } from './programmes_api';
import { PROJECT_STATUSES, SECTORS } from './programmes_types';
import { SectionTabs } from './section_tabs';
import './programmes.css';

const kLimit = 25;

interface Filters { q: string; status: string; sector: string; office_id: string; page: number }

function filtersOf(query: URLSearchParams): Filters {
  const page = Number(query.get('page'));
  return {
    q: query.get('q') ?? '', status: query.get('status') ?? '', sector: query.get('sector') ?? '',
    office_id: query.get('office_id') ?? '', page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function show(f: Filters): void {
  navigate('/projects', { ...f, page: f.page > 1 ? f.page : undefined });
}

export function ProjectsPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const f = filtersOf(query);
  const [text, setText] = useSearchText(f.q);
  const offices = useAsync(officeChoices, []);
  const list = useAsync(() => listProjects({ ...f, limit: kLimit }), [f.q, f.status, f.sector, f.office_id, f.page]);
  const filtered = !!(f.q || f.status || f.sector || f.office_id);
  const change = (patch: Partial<Filters>) => show({ ...f, q: text.trim(), ...patch, page: 1 });

  return (
    <section aria-labelledby="projects-title">
      <SectionTabs current="projects" />
      <div class="page-head">
        <h1 id="projects-title">{t('project.title')}</h1>
        {can(user.role, 'projects.manage') && <a class="button primary" href={href('/projects/new')}>{t('project.new')}</a>}
      </div>
      <SearchFilters label={t('project.filters')} id="projects-q" searchLabel={t('project.search')} text={text} onText={setText}
        onSearch={() => change({})}>
        <FilterSelect id="projects-status" label={t('project.status')} value={f.status} onChange={(status) => change({ status })}>
          {PROJECT_STATUSES.map((s) => <option key={s} value={s}>{enumLabel(t, 'projectStatus', s)}</option>)}
        </FilterSelect>
        <FilterSelect id="projects-sector" label={t('project.sector')} value={f.sector} onChange={(sector) => change({ sector })}>
          {SECTORS.map((s) => <option key={s} value={s}>{enumLabel(t, 'sector', s)}</option>)}
        </FilterSelect>
        <FilterSelect id="projects-office" label={t('project.office')} value={f.office_id} onChange={(office_id) => change({ office_id })}>
          {(offices.data ?? []).map((o) => <option key={o.id} value={String(o.id)} translate={false}>{localName(lang, o)}</option>)}
        </FilterSelect>
      </SearchFilters>
      <ListResults list={list} empty={filtered ? t('project.noMatch') : t('project.none')} onPage={(page) => show({ ...f, page })}
        caption={t('project.title')} head={<>
        <th scope="col">{t('project.name')}</th>
        <th scope="col">{t('project.status')}</th>
        <th scope="col">{t('project.sectors')}</th>
        <th scope="col">{t('project.office')}</th>
        <th scope="col">{t('project.dates')}</th>
        <th scope="col" class="num">{t('project.spentOfBudget')}</th>
      </>} row={(p) => (
        <tr key={p.id}>
          <th scope="row">
            <a href={href(`/projects/${p.id}`)}><bdi translate={false}>{localName(lang, p)}</bdi></a>
            <div class="muted"><bdi translate={false} dir="ltr">{p.code}</bdi>{p.donor && <> · <bdi translate={false}>{p.donor}</bdi></>}</div>
          </th>
          <td><StatusBadge prefix="projectStatus" status={p.status} /></td>
          <td>{listOf(t, lang, 'sector', p.sectors)}</td>
          <td>{p.office ? <bdi translate={false}>{p.office.name}</bdi> : t('common.none')}</td>
          <td><DateRange from={p.starts_on} to={p.ends_on} /></td>
          <td class="num">
            <Amount value={p.spent} currency={p.currency} />
            <div class={p.over_budget ? 'over-budget' : 'muted'}>
              <bdi dir="ltr">{percent(p.spent_ratio ?? (p.budget ? p.spent / p.budget : null))}</bdi>{' '}
              <Fill text={t('project.ofBudget')} values={{ budget: <Amount value={p.budget} currency={p.currency} /> }} />
            </div>
          </td>
        </tr>
      )} />
    </section>
  );
}
