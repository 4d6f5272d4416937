// The dashboard's filters: period, project, sector and place (governorate, then district). They
// live in the URL (`#/dashboard?from=&to=&project_id=&sector=&pcode=`) so a view can be shared
// and survives a reload; the form edits a copy and applies it on submit.
import { useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { Field } from '../common/field';
import type { Async } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { PlaceSelect } from '../registry/place_select';
import { SECTORS } from '../programmes/programmes_types';
import type { DashboardFilters, ProjectChoice } from './reports_types';

const kDate = /^\d{4}-\d{2}-\d{2}$/;

export function filtersOf(query: URLSearchParams): DashboardFilters {
  const date = (name: string) => {
    const value = query.get(name) ?? '';
    return kDate.test(value) ? value : '';
  };
  const id = query.get('project_id') ?? '';
  const sector = query.get('sector') ?? '';
  const pcode = query.get('pcode') ?? '';
  return {
    from: date('from'),
    to: date('to'),
    project_id: /^\d+$/.test(id) ? id : '',
    sector: (SECTORS as readonly string[]).includes(sector) ? sector : '',
    pcode: /^IQG\d{2}(Q\d{2})?$/.test(pcode) ? pcode : '',
  };
}

export function applyFilters(filters: DashboardFilters): void {
  navigate('/dashboard', { ...filters });
}

interface Props {
  value: DashboardFilters;
  /** Loaded by the page, so that re-creating the form for new filters does not read them again. */
  projects: Async<ProjectChoice[]>;
}

export function DashboardFiltersForm({ value, projects }: Props) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState('');
  const governorate = draft.pcode.slice(0, 5);
  const district = draft.pcode.length > 5 ? draft.pcode.slice(0, 8) : '';
  const set = (patch: Partial<DashboardFilters>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: Event) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setError(t('reports.badPeriod'));
      return;
    }
    setError('');
    applyFilters(draft);
  };
  const clear = () => {
    const empty = { from: '', to: '', project_id: '', sector: '', pcode: '' };
    setDraft(empty);
    setError('');
    applyFilters(empty);
  };

  return (
    <form class="filters dashboard-filters" role="search" aria-label={t('reports.filters')} onSubmit={submit}>
      <Field id="dash-from" label={t('reports.from')}>
        {(c) => <input {...c} type="date" value={draft.from} onInput={(e) => set({ from: e.currentTarget.value })} />}
      </Field>
      <Field id="dash-to" label={t('reports.to')} errors={error ? [error] : undefined}>
        {(c) => <input {...c} type="date" value={draft.to} onInput={(e) => set({ to: e.currentTarget.value })} />}
      </Field>
      <Field id="dash-project" label={t('reports.project')}
        hint={projects.error ? t('reports.projectsFailed') : undefined}>
        {(c) => (
          <select {...c} value={draft.project_id} onChange={(e) => set({ project_id: e.currentTarget.value })}>
            <option value="">{t('reports.allProjects')}</option>
            {(projects.data ?? []).map((p) => (
              <option key={p.id} value={String(p.id)} translate={false}>
                {p.code} · {(lang !== 'en' && p.name_ar) || p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="dash-sector" label={t('reports.sector')}>
        {(c) => (
          <select {...c} value={draft.sector} onChange={(e) => set({ sector: e.currentTarget.value })}>
            <option value="">{t('reports.allSectors')}</option>
            {SECTORS.map((s) => <option key={s} value={s}>{enumLabel(t, 'sector', s)}</option>)}
          </select>
        )}
      </Field>
      <div class="field">
        <label for="dash-governorate">{t('reports.governorate')}</label>
        <PlaceSelect id="dash-governorate" level={1} parent="" value={governorate} emptyLabel={t('reports.allIraq')}
          onChange={(pcode) => set({ pcode })} />
      </div>
      <div class="field">
        <label for="dash-district">{t('reports.district')}</label>
        <PlaceSelect id="dash-district" level={2} parent={governorate} value={district}
          emptyLabel={t('reports.allDistricts')} onChange={(pcode) => set({ pcode: pcode || governorate })} />
      </div>
      <div class="filter-actions">
        <button type="submit" class="button primary">{t('reports.apply')}</button>
        <button type="button" class="button" onClick={clear}>{t('reports.clear')}</button>
      </div>
    </form>
  );
}
