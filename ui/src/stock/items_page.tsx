// The items catalogue: search by text, category and active, add and edit items (code, names in
// English, Arabic and Kurdish, unit, category) and deactivate or reactivate them (items are
// never deleted). Filters live in the hash (`#/stock/items?q=kit&category=hygiene`).
import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { RefusalBox } from '../cases/action_dialog';
import { ErrorBox, Loading } from '../common/error_box';
import { Pagination } from '../common/pagination';
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
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  const list = useAsync(() => listItems({ ...filters, limit: kLimit }), [filters.q, filters.category, filters.active, filters.page]);
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  const toggle = async (item: Item) => {
    setFailure(null);
    setNotice('');
    try {
      const saved = await updateItem(item.id, { version: item.version, active: !item.active });
      invalidateItemNames(saved);
      setNotice(t(saved.active ? 'items.reactivated' : 'items.deactivated', { name: itemName(lang, saved) }));
      list.reload();
    } catch (cause) {
      setFailure(cause);
    }
  };

  return (
    <section aria-labelledby="items-title">
      <div class="page-head">
        <h2 id="items-title">{t('items.title')}</h2>
        {manages && editing === null && (
          <button type="button" class="button primary" onClick={() => {
            setNotice('');
            setEditing('new');
          }}>{t('items.add')}</button>
        )}
      </div>
      {notice && <p class="notice" role="status">{notice}</p>}
      <RefusalBox error={failure} stale={t('stock.stale')} />
      {editing !== null && (
        <ItemForm key={editing === 'new' ? 'new' : editing.id} item={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            invalidateItemNames(saved);
            setNotice(t('items.saved', { name: itemName(lang, saved) }));
            list.reload();
          }} />
      )}
      <form class="filters" role="search" aria-label={t('items.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          show({ ...filters, q: text.trim(), page: 1 });
        }}>
        <div class="field">
          <label for="items-q">{t('items.search')}</label>
          <input id="items-q" type="search" dir="auto" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="items-category">{t('item.category')}</label>
          <select id="items-category" value={filters.category}
            onChange={(e) => show({ ...filters, q: text.trim(), category: e.currentTarget.value, page: 1 })}>
            <option value="">{t('common.all')}</option>
            {ITEM_CATEGORIES.map((c) => <option key={c} value={c}>{enumLabel(t, 'itemCategory', c)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="items-active">{t('items.which')}</label>
          <select id="items-active" value={filters.active}
            onChange={(e) => show({ ...filters, q: text.trim(), active: e.currentTarget.value, page: 1 })}>
            <option value="true">{t('items.activeOnly')}</option>
            <option value="false">{t('items.inactiveOnly')}</option>
            <option value="all">{t('common.all')}</option>
          </select>
        </div>
        <div class="actions"><button type="submit" class="button primary">{t('households.searchButton')}</button></div>
      </form>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && list.data.page <= 1 && <p class="empty" role="status">{t('items.none')}</p>}
      {list.data && (list.data.items.length > 0 || list.data.page > 1) && (
        <>
          <div class="table-scroll">
            <table class="list">
              <caption class="visually-hidden">{t('items.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('item.code')}</th>
                  <th scope="col">{t('item.names')}</th>
                  <th scope="col">{t('item.unit')}</th>
                  <th scope="col">{t('item.category')}</th>
                  {manages && <th scope="col">{t('items.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
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
                          <button type="button" class="button small" onClick={() => {
                            setNotice('');
                            setEditing(item);
                          }}>{t('items.edit')}<span class="visually-hidden"> <bdi translate={false}>{itemName(lang, item)}</bdi></span></button>
                          <button type="button" class="button small" onClick={() => toggle(item)}>
                            {item.active ? t('items.deactivate') : t('items.reactivate')}
                            <span class="visually-hidden"> <bdi translate={false}>{itemName(lang, item)}</bdi></span>
                          </button>
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} limit={list.data.limit} total={list.data.total} count={list.data.items.length}
            onPage={(page) => show({ ...filters, page })} />
        </>
      )}
    </section>
  );
}
