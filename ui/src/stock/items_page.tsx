// The items catalogue: search by text, category and active, add and edit items (code, names in
// English, Arabic and Kurdish, unit, category) and deactivate or reactivate them (items are
// never deleted). Filters live in the hash (`#/stock/items?q=kit&category=hygiene`).
import { useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { RefusalBox } from '../cases/action_dialog';
import {
  EditButton, FilterSelect, ListResults, Notice, SearchFilters, useEditing, useSearchText,
} from '../common/list_page';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { ItemForm } from './item_form';
import { invalidateItemNames } from './item_names';
import { listItems, updateItem } from './stock_api';
import { ITEM_CATEGORIES, itemName, type Item } from './stock_types';

const kLimit = 25;

interface Filters { q: string; category: string; active: string; page: number }

function filtersOf(query: URLSearchParams): Filters {
  const page = Number(query.get('page'));
  return {
    q: query.get('q') ?? '', category: query.get('category') ?? '', active: query.get('active') ?? 'true',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function show(f: Filters): void {
  navigate('/stock/items', { ...f, active: f.active === 'true' ? undefined : f.active, page: f.page > 1 ? f.page : undefined });
}

export function ItemsPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const manages = can(user.role, 'stock.manage');
  const filters = filtersOf(query);
  const [text, setText] = useSearchText(filters.q);
  const list = useAsync(() => listItems({ ...filters, limit: kLimit }), [filters.q, filters.category, filters.active, filters.page]);
  const { editing, notice, setNotice, edit, close, saved } = useEditing<Item>();
  const [failure, setFailure] = useState<unknown>(null);
  const change = (patch: Partial<Filters>) => show({ ...filters, q: text.trim(), ...patch, page: 1 });

  const toggle = async (item: Item) => {
    setFailure(null);
    setNotice('');
    try {
      const updated = await updateItem(item.id, { version: item.version, active: !item.active });
      invalidateItemNames(updated);
      setNotice(t(updated.active ? 'items.reactivated' : 'items.deactivated', { name: itemName(lang, updated) }));
      list.reload();
    } catch (cause) {
      setFailure(cause);
    }
  };

  return (
    <section aria-labelledby="items-title">
      <div class="page-head">
        <h2 id="items-title">{t('items.title')}</h2>
        {manages && editing === null && <button type="button" class="button primary" onClick={() => edit('new')}>{t('items.add')}</button>}
      </div>
      <Notice text={notice} />
      <RefusalBox error={failure} stale={t('stock.stale')} />
      {editing !== null && (
        <ItemForm key={editing === 'new' ? 'new' : editing.id} item={editing === 'new' ? null : editing}
          onCancel={close}
          onSaved={(item) => {
            invalidateItemNames(item);
            saved(t('items.saved', { name: itemName(lang, item) }));
            list.reload();
          }} />
      )}
      <SearchFilters label={t('items.filters')} id="items-q" searchLabel={t('items.search')} text={text} onText={setText}
        onSearch={() => change({})}>
        <FilterSelect id="items-category" label={t('item.category')} value={filters.category} onChange={(category) => change({ category })}>
          {ITEM_CATEGORIES.map((c) => <option key={c} value={c}>{enumLabel(t, 'itemCategory', c)}</option>)}
        </FilterSelect>
        <div class="field">
          <label for="items-active">{t('items.which')}</label>
          <select id="items-active" value={filters.active} onChange={(e) => change({ active: e.currentTarget.value })}>
            <option value="true">{t('items.activeOnly')}</option>
            <option value="false">{t('items.inactiveOnly')}</option>
            <option value="all">{t('common.all')}</option>
          </select>
        </div>
      </SearchFilters>
      <ListResults list={list} empty={t('items.none')} onPage={(page) => show({ ...filters, page })}
        caption={t('items.title')} head={<>
        <th scope="col">{t('item.code')}</th>
        <th scope="col">{t('item.names')}</th>
        <th scope="col">{t('item.unit')}</th>
        <th scope="col">{t('item.category')}</th>
        {manages && <th scope="col">{t('items.actions')}</th>}
      </>} row={(item) => (
        <tr key={item.id} class={item.active ? undefined : 'inactive'}>
          <td><bdi dir="ltr" translate={false}>{item.code}</bdi></td>
          <th scope="row">
            <bdi translate={false} lang="en">{item.name_en}</bdi>
            {item.name_ar && <div><bdi translate={false} lang="ar">{item.name_ar}</bdi></div>}
            {item.name_ckb && <div><bdi translate={false} lang="ckb">{item.name_ckb}</bdi></div>}
            {!item.active && <div><span class="badge badge-off">{t('items.inactive')}</span></div>}
          </th>
          <td><bdi translate={false}>{item.unit}</bdi></td>
          <td>{enumLabel(t, 'itemCategory', item.category)}</td>
          {manages && (
            <td>
              <div class="actions">
                <EditButton name={itemName(lang, item)} onClick={() => edit(item)} />
                <button type="button" class="button small" onClick={() => toggle(item)}>
                  {item.active ? t('items.deactivate') : t('items.reactivate')}
                  <span class="visually-hidden"> <bdi translate={false}>{itemName(lang, item)}</bdi></span>
                </button>
              </div>
            </td>
          )}
        </tr>
      )} />
    </section>
  );
}
