// The organisation's activities, newest first, filtered by type, sector, project, office,
// place, dates and status; the filters live in the hash. Field staff record new activities.
import { useEffect, useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { FilterSelect, ListResults, ListTable, SearchFilters, useSearchText } from '../common/list_page';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { mostSpecific, pcodesByLevel, placePath } from '../registry/places';
import { PlaceCascade } from '../stock/place_cascade';
import { formatCount } from '../assistance/money';
import { DateRange, localName, StatusBadge } from './labels';
import { listActivities, officeChoices, projectChoices } from './programmes_api';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, SECTORS, type Activity } from './programmes_types';
import './programmes.css';

const kLimit = 25;
const kKeys = ['q', 'type', 'sector', 'project_id', 'office_id', 'pcode', 'from', 'to', 'status'] as const;
type Filters = Record<(typeof kKeys)[number], string> & { page: number };

function filtersOf(query: URLSearchParams): Filters {
  const page = Number(query.get('page'));
  const f = { page: Number.isInteger(page) && page > 0 ? page : 1 } as Filters;
  for (const key of kKeys) f[key] = query.get(key) ?? '';
  return f;
}

function show(f: Filters): void {
  navigate('/activities', { ...f, page: f.page > 1 ? f.page : undefined });
}

export function ActivitiesPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const f = filtersOf(query);
  const [text, setText] = useSearchText(f.q);
  const [place, setPlace] = useState<string[]>([f.pcode, '', '']);
  useEffect(() => {
    if (!f.pcode) setPlace(['', '', '']);
    else placePath(f.pcode).then((p) => setPlace(pcodesByLevel(p, 3)), () => undefined);
  }, [f.pcode]);
  const offices = useAsync(officeChoices, []);
  const projects = useAsync(projectChoices, []);
  const list = useAsync(() => listActivities({ ...f, limit: kLimit }), [...kKeys.map((k) => f[k]), f.page]);
  const filtered = kKeys.some((k) => f[k]);
  const change = (patch: Partial<Filters>) => show({ ...f, q: text.trim(), pcode: mostSpecific(place), ...patch, page: 1 });
  const select = (key: 'type' | 'sector' | 'project_id' | 'office_id' | 'status') => (value: string) => change({ [key]: value });

  return (
    <section aria-labelledby="activities-title">
      <div class="page-head">
        <h1 id="activities-title">{t('activity.title')}</h1>
        {can(user.role, 'activities.record') && <a class="button primary" href={href('/activities/new')}>{t('activity.new')}</a>}
      </div>
      <SearchFilters label={t('activity.filters')} id="act-q" searchLabel={t('activity.search')} text={text} onText={setText}
        onSearch={() => change({})}>
        <FilterSelect id="act-f-type" label={t('activity.type')} value={f.type} onChange={select('type')}>
          {ACTIVITY_TYPES.map((x) => <option key={x} value={x}>{enumLabel(t, 'activityType', x)}</option>)}
        </FilterSelect>
        <FilterSelect id="act-f-sector" label={t('activity.sector')} value={f.sector} onChange={select('sector')}>
          {SECTORS.map((x) => <option key={x} value={x}>{enumLabel(t, 'sector', x)}</option>)}
        </FilterSelect>
        <FilterSelect id="act-f-project" label={t('activity.project')} value={f.project_id} onChange={select('project_id')}>
          {(projects.data ?? []).map((p) => <option key={p.id} value={String(p.id)} translate={false}>{p.code} · {localName(lang, p)}</option>)}
        </FilterSelect>
        <FilterSelect id="act-f-office" label={t('activity.office')} value={f.office_id} onChange={select('office_id')}>
          {(offices.data ?? []).map((o) => <option key={o.id} value={String(o.id)} translate={false}>{localName(lang, o)}</option>)}
        </FilterSelect>
        <FilterSelect id="act-f-status" label={t('activity.status')} value={f.status} onChange={select('status')}>
          {ACTIVITY_STATUSES.map((x) => <option key={x} value={x}>{enumLabel(t, 'activityStatus', x)}</option>)}
        </FilterSelect>
        <div class="field">
          <label for="act-f-from">{t('prog.from')}</label>
          <input id="act-f-from" type="date" value={f.from} onChange={(e) => change({ from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="act-f-to">{t('prog.to')}</label>
          <input id="act-f-to" type="date" value={f.to} onChange={(e) => change({ to: e.currentTarget.value })} />
        </div>
        <div class="field-wide filters-place">
          <PlaceCascade idPrefix="act-f" legend={t('activity.place')} value={place} anyLabel onChange={setPlace} />
        </div>
      </SearchFilters>
      <ListResults list={list} empty={filtered ? t('activity.noMatch') : t('activity.none')} onPage={(page) => show({ ...f, page })}
        caption={t('activity.title')} head={<ActivityHead />} row={activityRow} />
    </section>
  );
}

/** Activities as a table, in the order given: on the activities page and a project's page. */
export function ActivityTable({ items, caption }: { items: Activity[]; caption: string }) {
  return <ListTable caption={caption} head={<ActivityHead />} items={items} row={activityRow} />;
}

function ActivityHead() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col">{t('activity.titleField')}</th>
      <th scope="col">{t('activity.type')}</th>
      <th scope="col">{t('activity.status')}</th>
      <th scope="col">{t('activity.dates')}</th>
      <th scope="col">{t('activity.project')}</th>
      <th scope="col" class="num">{t('activity.participants')}</th>
    </>
  );
}

const activityRow = (a: Activity) => <ActivityRow key={a.id} activity={a} />;

function ActivityRow({ activity: a }: { activity: Activity }) {
  const { t } = useI18n();
  return (
    <tr>
      <th scope="row">
        <a href={href(`/activities/${a.id}`)}><bdi translate={false}>{a.title}</bdi></a>
        {a.site && <div class="muted"><bdi translate={false}>{a.site}</bdi></div>}
      </th>
      <td>{enumLabel(t, 'activityType', a.type)}<div class="muted">{enumLabel(t, 'sector', a.sector)}</div></td>
      <td><StatusBadge prefix="activityStatus" status={a.status} /></td>
      <td><DateRange from={a.starts_on} to={a.ends_on} /></td>
      <td>{a.project ? <bdi translate={false} dir="ltr">{a.project.code}</bdi> : t('common.none')}</td>
      <td class="num"><bdi dir="ltr">{a.attendance ? formatCount(a.attendance.total) : t('common.none')}</bdi></td>
    </tr>
  );
}
