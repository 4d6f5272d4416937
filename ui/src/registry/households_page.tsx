// The household list: search, place (governorate → district → subdistrict) and status filters,
// a paginated table. Filters live in the hash (`#/households?q=…&gov=…&district=…&sub=…&status=…&page=2`)
// so back and reload keep them.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { DISPLACEMENT_STATUSES, type Household, type Page } from '../api/types';
import { href, navigate } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { formatTime, fullName, headOf } from '../common/format';
import { Pagination } from '../common/pagination';
import { useAsync } from '../common/use_async';
import { enumLabel, placeName, useI18n } from '../i18n/i18n';
import { PlaceSelect } from './place_select';

const kLimit = 25;

interface Filters { q: string; gov: string; district: string; sub: string; status: string; page: number }

const kNoFilters: Filters = { q: '', gov: '', district: '', sub: '', status: '', page: 1 };

function filtersOf(query: URLSearchParams): Filters {
  const page = Number(query.get('page'));
  return {
    q: query.get('q') ?? '',
    gov: query.get('gov') ?? '',
    district: query.get('district') ?? '',
    sub: query.get('sub') ?? '',
    status: query.get('status') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function isFiltered(f: Filters): boolean {
  return !!(f.q || f.gov || f.district || f.sub || f.status);
}

function show(filters: Filters): void {
  navigate('/households', { ...filters, page: filters.page > 1 ? filters.page : undefined });
}

export function HouseholdsPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  const filters = filtersOf(query);
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);

  const list = useAsync(() => api.get<Page<Household>>('/households', {
    q: filters.q,
    pcode: filters.sub || filters.district || filters.gov,
    status: filters.status,
    page: filters.page,
    limit: kLimit,
  }), [filters.q, filters.gov, filters.district, filters.sub, filters.status, filters.page]);

  const search = (event: Event) => {
    event.preventDefault();
    show({ ...filters, q: text.trim(), page: 1 });
  };
  const clear = () => {
    setText('');
    show(kNoFilters);
  };
  const canWrite = can(user.role, 'household.write');

  return (
    <section aria-labelledby="households-title">
      <div class="page-head">
        <h1 id="households-title">{t('households.title')}</h1>
        {canWrite && (
          <a class="button primary" href={href('/households/new')}>{t('households.register')}</a>
        )}
      </div>
      <form class="filters" role="search" aria-label={t('households.filters')} onSubmit={search}>
        <div class="field field-wide">
          <label for="hh-q">{t('households.search')}</label>
          <input id="hh-q" type="search" dir="auto" value={text} aria-describedby="hh-q-hint"
            onInput={(e) => setText(e.currentTarget.value)} />
          <p id="hh-q-hint" class="hint">{t('households.searchHint')}</p>
        </div>
        <div class="field">
          <label for="hh-gov">{t('households.governorate')}</label>
          <PlaceSelect id="hh-gov" level={1} parent="" value={filters.gov} emptyLabel={t('common.all')}
            onChange={(gov) => show({ ...filters, gov, district: '', sub: '', page: 1 })} />
        </div>
        <div class="field">
          <label for="hh-district">{t('households.district')}</label>
          <PlaceSelect id="hh-district" level={2} parent={filters.gov} value={filters.district}
            emptyLabel={t('common.all')}
            onChange={(district) => show({ ...filters, district, sub: '', page: 1 })} />
        </div>
        <div class="field">
          <label for="hh-sub">{t('form.subdistrict')}</label>
          <PlaceSelect id="hh-sub" level={3} parent={filters.district} value={filters.sub}
            emptyLabel={t('common.all')}
            onChange={(sub) => show({ ...filters, sub, page: 1 })} />
        </div>
        <div class="field">
          <label for="hh-status">{t('households.status')}</label>
          <select id="hh-status" value={filters.status}
            onChange={(e) => show({ ...filters, status: e.currentTarget.value, page: 1 })}>
            <option value="">{t('common.all')}</option>
            {DISPLACEMENT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button primary">{t('households.searchButton')}</button>
          <button type="button" class="button" onClick={clear}>{t('households.clear')}</button>
        </div>
      </form>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && list.data.page <= 1 && (
        isFiltered(filters)
          ? (
            <div class="empty" role="status">
              <p>{t('households.noMatch')}</p>
              <button type="button" class="button" onClick={clear}>{t('households.clear')}</button>
            </div>
          )
          : (
            <div class="empty" role="status">
              <p>{t('households.none')}</p>
              {canWrite && <a href={href('/households/new')}>{t('households.registerFirst')}</a>}
            </div>
          )
      )}
      {list.data && (list.data.items.length > 0 || list.data.page > 1) && (
        <HouseholdTable data={list.data} onPage={(page) => show({ ...filters, page })} />
      )}
    </section>
  );
}

function HouseholdTable({ data, onPage }: { data: Page<Household>; onPage: (page: number) => void }) {
  const { t, lang } = useI18n();
  return (
    <>
      <div class="table-scroll">
        <table class="list">
          <caption class="visually-hidden">{t('households.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('households.head')}</th>
              <th scope="col" class="num">{t('households.members')}</th>
              <th scope="col">{t('households.status')}</th>
              <th scope="col">{t('households.place')}</th>
              <th scope="col">{t('households.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((household) => {
              const head = headOf(household.members);
              return (
                <tr key={household.id}>
                  <td>
                    <a href={href(`/households/${household.id}`)}>
                      <bdi translate={false}>{fullName(head) || t('households.noHead')}</bdi>
                    </a>
                    {head?.name_latin && (
                      <div class="latin" dir="ltr" lang="en" translate={false}>{head.name_latin}</div>
                    )}
                  </td>
                  <td class="num">{household.members?.length ?? 0}</td>
                  <td>{enumLabel(t, 'status', household.displacement_status)}</td>
                  <td><bdi>{placeName(lang, household.location)}</bdi></td>
                  <td><time dateTime={household.updated_at}>{formatTime(household.updated_at)}</time></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} limit={data.limit} total={data.total} count={data.items.length}
        onPage={onPage} />
    </>
  );
}
