// The organisation's offices (missions): search, and for managers add and edit. Everyone sees
// how many staff and volunteers each office has; names are on the roster, for managers only.
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { Check } from '../common/check';
import { activeListQuery, EditButton, ListResults, Notice, SearchFilters, useEditing, useSearchText } from '../common/list_page';
import { useAsync } from '../common/use_async';
import { placeName, useI18n } from '../i18n/i18n';
import { PlaceName } from '../referrals/place_name';
import { formatCount } from '../assistance/money';
import { OfficeForm } from './office_form';
import { listOffices } from './programmes_api';
import type { Office } from './programmes_types';
import { SectionTabs } from './section_tabs';
import './programmes.css';

const kLimit = 25;

export function OfficesPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const manages = can(user.role, 'projects.manage');
  const { q, all, page: pageNo, show } = activeListQuery(query, '/offices');
  const [text, setText] = useSearchText(q);
  const list = useAsync(() => listOffices({ q, active: all ? 'all' : 'true', page: pageNo, limit: kLimit }), [q, all, pageNo]);
  const { editing, notice, edit, close, saved } = useEditing<Office>();

  return (
    <section aria-labelledby="offices-title">
      <SectionTabs current="offices" />
      <div class="page-head">
        <h1 id="offices-title">{t('office.title')}</h1>
        {manages && editing === null && <button type="button" class="button primary" onClick={() => edit('new')}>{t('office.add')}</button>}
      </div>
      <p class="hint">{t('office.intro')}</p>
      <Notice text={notice} />
      {editing !== null && (
        <OfficeForm key={editing === 'new' ? 'new' : editing.id} office={editing === 'new' ? null : editing}
          onCancel={close}
          onSaved={(office) => {
            saved(t('office.saved', { name: office.name }));
            list.reload();
          }} />
      )}
      <SearchFilters label={t('office.filters')} id="offices-q" searchLabel={t('office.search')} text={text} onText={setText}
        onSearch={() => show({ q: text.trim(), page: 1 })}>
        <Check label={t('office.showInactive')} checked={all} onChange={(checked) => show({ q: text.trim(), all: checked, page: 1 })} />
      </SearchFilters>
      <ListResults list={list} empty={q ? t('office.noMatch') : t('office.none')} onPage={(page) => show({ page })}
        caption={t('office.title')} head={<>
        <th scope="col">{t('office.name')}</th>
        <th scope="col">{t('office.place')}</th>
        <th scope="col" class="num">{t('office.staff')}</th>
        <th scope="col" class="num">{t('office.volunteers')}</th>
        {manages && <th scope="col">{t('items.actions')}</th>}
      </>} row={(o) => (
        <tr key={o.id} class={o.active ? undefined : 'inactive'}>
          <th scope="row">
            <bdi translate={false}>{o.name}</bdi>
            {o.name_ar && <div class="muted"><bdi translate={false} lang="ar">{o.name_ar}</bdi></div>}
            <div class="prog-marks">
              {o.public && <span class="badge">{t('office.isPublic')}</span>}
              {!o.active && <span class="badge badge-off">{t('items.inactive')}</span>}
            </div>
          </th>
          <td>{o.place ? <bdi>{placeName(lang, o.place)}</bdi> : <PlaceName pcode={o.pcode} />}</td>
          <td class="num"><bdi dir="ltr">{formatCount(o.counts?.staff)}</bdi></td>
          <td class="num"><bdi dir="ltr">{formatCount(o.counts?.volunteers)}</bdi></td>
          {manages && <td><EditButton name={o.name} onClick={() => edit(o)} /></td>}
        </tr>
      )} />
    </section>
  );
}
