// The staff and volunteer roster (managers only: it holds names and phones): filtered by
// office, kind, deployable and text; add and edit. Never deleted: a person who left is inactive.
import { navigate } from '../app/router';
import { Check } from '../common/check';
import { EditButton, FilterSelect, ListResults, Notice, SearchFilters, useEditing, useSearchText } from '../common/list_page';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { listOf, localName } from './labels';
import { listStaff, officeChoices } from './programmes_api';
import { STAFF_KINDS, type StaffMember } from './programmes_types';
import { SectionTabs } from './section_tabs';
import { StaffForm } from './staff_form';
import './programmes.css';

const kLimit = 25;

interface Filters { q: string; office_id: string; kind: string; deployable: string; active: string; page: number }

function filtersOf(query: URLSearchParams): Filters {
  const page = Number(query.get('page'));
  return {
    q: query.get('q') ?? '', office_id: query.get('office_id') ?? '', kind: query.get('kind') ?? '',
    deployable: query.get('deployable') ?? '', active: query.get('active') ?? 'true',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function show(f: Filters): void {
  navigate('/staff', { ...f, active: f.active === 'true' ? undefined : f.active, page: f.page > 1 ? f.page : undefined });
}

export function StaffPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const f = filtersOf(query);
  const [text, setText] = useSearchText(f.q);
  const offices = useAsync(officeChoices, []);
  const list = useAsync(() => listStaff({ ...f, limit: kLimit }),
    [f.q, f.office_id, f.kind, f.deployable, f.active, f.page]);
  const { editing, notice, edit, close, saved } = useEditing<StaffMember>();
  const filtered = !!(f.q || f.office_id || f.kind || f.deployable);
  const change = (patch: Partial<Filters>) => show({ ...f, q: text.trim(), ...patch, page: 1 });

  return (
    <section aria-labelledby="staff-title">
      <SectionTabs current="staff" />
      <div class="page-head">
        <h1 id="staff-title">{t('staff.title')}</h1>
        {editing === null && <button type="button" class="button primary" onClick={() => edit('new')}>{t('staff.add')}</button>}
      </div>
      <p class="hint">{t('staff.intro')}</p>
      <Notice text={notice} />
      {editing !== null && (
        <StaffForm key={editing === 'new' ? 'new' : editing.id} member={editing === 'new' ? null : editing}
          offices={offices.data ?? []} onCancel={close}
          onSaved={(member) => {
            saved(t('staff.saved', { name: member.name }));
            list.reload();
          }} />
      )}
      <SearchFilters label={t('staff.filters')} id="staff-q" searchLabel={t('staff.search')} text={text} onText={setText}
        onSearch={() => change({})}>
        <FilterSelect id="staff-f-office" label={t('staff.office')} value={f.office_id} onChange={(office_id) => change({ office_id })}>
          {(offices.data ?? []).map((o) => <option key={o.id} value={String(o.id)} translate={false}>{localName(lang, o)}</option>)}
        </FilterSelect>
        <FilterSelect id="staff-f-kind" label={t('staff.kind')} value={f.kind} onChange={(kind) => change({ kind })}>
          {STAFF_KINDS.map((k) => <option key={k} value={k}>{enumLabel(t, 'staffKind', k)}</option>)}
        </FilterSelect>
        <FilterSelect id="staff-f-deployable" label={t('staff.deployable')} value={f.deployable} onChange={(deployable) => change({ deployable })}>
          <option value="true">{t('common.yes')}</option>
          <option value="false">{t('common.no')}</option>
        </FilterSelect>
        <Check label={t('staff.showInactive')} checked={f.active === 'all'} onChange={(on) => change({ active: on ? 'all' : 'true' })} />
      </SearchFilters>
      <ListResults list={list} empty={filtered ? t('staff.noMatch') : t('staff.none')} onPage={(page) => show({ ...f, page })}
        caption={t('staff.title')} head={<>
        <th scope="col">{t('staff.name')}</th>
        <th scope="col">{t('staff.office')}</th>
        <th scope="col">{t('staff.position')}</th>
        <th scope="col">{t('staff.phone')}</th>
        <th scope="col">{t('staff.languages')}</th>
        <th scope="col">{t('items.actions')}</th>
      </>} row={(m) => (
        <tr key={m.id} class={m.active ? undefined : 'inactive'}>
          <th scope="row">
            <bdi translate={false}>{m.name}</bdi>
            <div class="prog-marks">
              <span class="badge prog-status">{enumLabel(t, 'staffKind', m.kind)}</span>
              {m.deployable && <span class="badge">{t('staff.isDeployable')}</span>}
              {!m.active && <span class="badge badge-off">{t('items.inactive')}</span>}
            </div>
          </th>
          <td>{m.office ? <bdi translate={false}>{m.office.name}</bdi> : t('common.none')}</td>
          <td><bdi translate={false}>{m.position}</bdi></td>
          <td><bdi dir="ltr" translate={false}>{m.phone}</bdi></td>
          <td>{listOf(t, lang, 'language', m.languages)}</td>
          <td><EditButton name={m.name} onClick={() => edit(m)} /></td>
        </tr>
      )} />
    </section>
  );
}
