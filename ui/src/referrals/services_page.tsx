// The service directory shared by every organisation: search by type, place and text.
// Supervisors and admins add and edit their own organisation's services and import a CSV.
// The search lives in the hash (`#/services?type=gbv_safe_space&gov=IQG08&q=…&page=2`).
import { useState } from 'preact/hooks';
import type { Service } from '../api/cases_types';
import type { Page } from '../api/types';
import { navigate } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { Pagination } from '../common/pagination';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { PlaceName } from './place_name';
import { ServiceForm } from './service_form';
import { pcodeOf, ServiceFilters, type ServiceSearch } from './service_filters';
import { searchServices } from './services_api';
import { ServicesImport } from './services_import';

const kLimit = 25;

type Search = ServiceSearch & { page: number; all: boolean };

function searchOf(query: URLSearchParams): Search {
  const page = Number(query.get('page'));
  return {
    all: query.get('all') === 'true',
    type: query.get('type') ?? '',
    gov: query.get('gov') ?? '',
    district: query.get('district') ?? '',
    q: query.get('q') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function show(s: Search): void {
  navigate('/services', { ...s, all: s.all ? 'true' : undefined, page: s.page > 1 ? s.page : undefined });
}

export function ServicesPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  const search = searchOf(query);
  const manages = can(user.role, 'services.manage');
  const list = useAsync(
    () => searchServices({
      type: search.type, pcode: pcodeOf(search), q: search.q, page: search.page, all: manages && search.all,
    }, kLimit),
    [search.type, search.gov, search.district, search.q, search.page, search.all],
  );
  // null: no form; 'new': adding; a service: editing it.
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <section aria-labelledby="services-title">
      <div class="page-head">
        <h1 id="services-title">{t('services.title')}</h1>
        {manages && editing === null && (
          <button type="button" class="button primary" onClick={() => {
            setNotice('');
            setEditing('new');
          }}>{t('services.add')}</button>
        )}
      </div>
      <p class="hint">{t('services.intro')}</p>
      {notice && <p class="notice" role="status">{notice}</p>}
      {editing !== null && (
        <ServiceForm key={editing === 'new' ? 'new' : editing.id} service={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('services.saved', { name: saved.name ?? '' }));
            list.reload();
          }} />
      )}
      <ServiceFilters idPrefix="svc-search" value={search} standalone
        onSearch={(next) => show({ ...search, ...next, page: 1 })} />
      {manages && (
        <label class="check">
          <input type="checkbox" checked={search.all} onChange={(e) => show({ ...search, all: e.currentTarget.checked, page: 1 })} />
          {t('services.showInactive')}
        </label>
      )}
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && list.data.page <= 1 && (
        <p class="empty" role="status">{t('services.none')}</p>
      )}
      {list.data && (list.data.items.length > 0 || list.data.page > 1) && (
        <ServiceTable data={list.data} canEdit={(s) => manages && s.organisation?.id === user.organisation.id}
          onEdit={(s) => {
            setNotice('');
            setEditing(s);
          }}
          onPage={(page) => show({ ...search, page })} />
      )}
      {manages && <ServicesImport onImported={list.reload} />}
    </section>
  );
}

interface TableProps {
  data: Page<Service>;
  canEdit: (s: Service) => boolean;
  onEdit: (s: Service) => void;
  onPage: (page: number) => void;
}

function ServiceTable({ data, canEdit, onEdit, onPage }: TableProps) {
  const { t } = useI18n();
  return (
    <>
      <div class="table-scroll">
        <table class="list services">
          <caption class="visually-hidden">{t('services.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('services.name')}</th>
              <th scope="col">{t('services.type')}</th>
              <th scope="col">{t('services.organisation')}</th>
              <th scope="col">{t('services.place')}</th>
              <th scope="col">{t('services.contact')}</th>
              <th scope="col">{t('services.eligibility')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((s) => (
              <tr key={s.id} class={s.active === false ? 'inactive' : undefined}>
                <th scope="row">
                  <bdi translate={false}>{s.name}</bdi>
                  {s.active === false && <div><span class="badge badge-off">{t('services.inactive')}</span></div>}
                  {canEdit(s) && (
                    <div>
                      <button type="button" class="button small" onClick={() => onEdit(s)}>
                        {t('services.edit')}<span class="visually-hidden"> <bdi translate={false}>{s.name}</bdi></span>
                      </button>
                    </div>
                  )}
                </th>
                <td>{enumLabel(t, 'serviceType', s.type)}</td>
                <td><bdi translate={false}>{s.organisation?.name}</bdi></td>
                <td><PlaceName pcode={s.pcode} /></td>
                <td>
                  {s.contact_name && <div><bdi translate={false}>{s.contact_name}</bdi></div>}
                  {s.contact_phone && <div><a href={`tel:${s.contact_phone}`} dir="ltr" translate={false}>{s.contact_phone}</a></div>}
                  {s.contact_email && <div><a href={`mailto:${s.contact_email}`} dir="ltr" translate={false}>{s.contact_email}</a></div>}
                </td>
                <td><bdi translate={false}>{s.eligibility}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} limit={data.limit} total={data.total} count={data.items.length} onPage={onPage} />
    </>
  );
}
