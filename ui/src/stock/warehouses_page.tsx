// The organisation's warehouses: search, add and edit (name unique in the organisation, place
// chosen as governorate → district → subdistrict, address, active). Never deleted.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type FieldError } from '../api/client';
import { navigate } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { errorsFor, fieldErrorsOf, isStale } from '../cases/field_errors';
import { ErrorBox, Loading } from '../common/error_box';
import { Field } from '../common/field';
import { Pagination } from '../common/pagination';
import { ProblemSummary } from '../common/problem_summary';
import { useAsync } from '../common/use_async';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { PlaceName } from '../referrals/place_name';
import { pcodesByLevel, placePath } from '../registry/places';
import { PlaceCascade } from './place_cascade';
import { createWarehouse, listWarehouses, updateWarehouse } from './stock_api';
import type { Warehouse, WarehouseInput } from './stock_types';

const kLimit = 25;

export function WarehousesPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  const manages = can(user.role, 'stock.manage');
  const q = query.get('q') ?? '';
  const all = query.get('active') === 'all';
  const pageNo = Math.max(1, Number(query.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const list = useAsync(() => listWarehouses({ q, active: all ? 'all' : 'true', page: pageNo, limit: kLimit }), [q, all, pageNo]);
  const [editing, setEditing] = useState<Warehouse | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const show = (next: { q?: string; all?: boolean; page?: number }) => navigate('/stock/warehouses', {
    q: next.q ?? q, active: (next.all ?? all) ? 'all' : undefined, page: next.page && next.page > 1 ? next.page : undefined,
  });

  return (
    <section aria-labelledby="wh-title">
      <div class="page-head">
        <h2 id="wh-title">{t('wh.title')}</h2>
        {manages && editing === null && (
          <button type="button" class="button primary" onClick={() => {
            setNotice('');
            setEditing('new');
          }}>{t('wh.add')}</button>
        )}
      </div>
      {notice && <p class="notice" role="status">{notice}</p>}
      {editing !== null && (
        <WarehouseForm key={editing === 'new' ? 'new' : editing.id} warehouse={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('wh.saved', { name: saved.name }));
            list.reload();
          }} />
      )}
      <form class="filters" role="search" aria-label={t('wh.filters')} onSubmit={(e) => {
        e.preventDefault();
        show({ q: text.trim(), page: 1 });
      }}>
        <div class="field">
          <label for="wh-q">{t('wh.search')}</label>
          <input id="wh-q" type="search" dir="auto" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <label class="check">
          <input type="checkbox" checked={all} onChange={(e) => show({ q: text.trim(), all: e.currentTarget.checked, page: 1 })} />
          {t('wh.showInactive')}
        </label>
        <div class="actions"><button type="submit" class="button primary">{t('households.searchButton')}</button></div>
      </form>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && list.data.page <= 1 && <p class="empty" role="status">{t('wh.none')}</p>}
      {list.data && (list.data.items.length > 0 || list.data.page > 1) && (
        <>
          <div class="table-scroll">
            <table class="list">
              <caption class="visually-hidden">{t('wh.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('wh.name')}</th>
                  <th scope="col">{t('wh.place')}</th>
                  <th scope="col">{t('wh.address')}</th>
                  {manages && <th scope="col">{t('items.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((w) => (
                  <tr key={w.id} class={w.active ? undefined : 'inactive'}>
                    <th scope="row">
                      <bdi translate={false}>{w.name}</bdi>
                      {!w.active && <div><span class="badge badge-off">{t('items.inactive')}</span></div>}
                    </th>
                    <td><PlaceName pcode={w.pcode} /></td>
                    <td><bdi translate={false}>{w.address}</bdi></td>
                    {manages && (
                      <td>
                        <button type="button" class="button small" onClick={() => {
                          setNotice('');
                          setEditing(w);
                        }}>{t('items.edit')}<span class="visually-hidden"> <bdi translate={false}>{w.name}</bdi></span></button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} limit={list.data.limit} total={list.data.total} count={list.data.items.length}
            onPage={(page) => show({ page })} />
        </>
      )}
    </section>
  );
}

const kLabels: Record<string, MessageKey> = { name: 'wh.name', pcode: 'wh.place', address: 'wh.address' };

function WarehouseForm({ warehouse, onSaved, onCancel }: { warehouse: Warehouse | null; onSaved: (w: Warehouse) => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const [input, setInput] = useState<WarehouseInput>(warehouse
    ? { name: warehouse.name, pcode: warehouse.pcode, address: warehouse.address ?? '', active: warehouse.active }
    : { name: '', pcode: '', address: '', active: true });
  const [place, setPlace] = useState<string[]>([warehouse?.pcode ?? '', '', '']);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const errorsOf = errorsFor(errors);
  useEffect(() => {
    heading.current?.focus();
    if (warehouse?.pcode) placePath(warehouse.pcode).then((p) => setPlace(pcodesByLevel(p, 3)), () => undefined);
  }, [warehouse?.id]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const pcode = [...place].reverse().find(Boolean) ?? '';
    const problems: FieldError[] = [];
    if (!input.name.trim()) problems.push({ field: 'name', reason: t('check.required') });
    if (!pcode) problems.push({ field: 'pcode', reason: t('check.required') });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    const body = { ...input, name: input.name.trim(), address: input.address.trim(), pcode };
    try {
      onSaved(warehouse ? await updateWarehouse(warehouse.id, { ...body, version: warehouse.version }) : await createWarehouse(body));
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409 && (!warehouse || !isStale(cause))) {
        setErrors([{ field: 'name', reason: t('wh.nameTaken') }]);
      } else {
        const list = isStale(cause) ? [] : fieldErrorsOf(cause, t, lang);
        setErrors(list);
        if (!list.length) setFailure(cause);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="wh-form-title">
      <h3 id="wh-form-title" tabIndex={-1} ref={heading}>
        {warehouse ? t('wh.editTitle') : t('wh.addTitle')}{warehouse && <>: <bdi translate={false}>{warehouse.name}</bdi></>}
      </h3>
      <form class="stack" noValidate onSubmit={submit}>
        <ProblemSummary errors={errors} idOf={(f) => (f === 'pcode' ? 'wh-gov' : `wh-${f}`)} labelOf={(f) => (kLabels[f] ? t(kLabels[f]!) : f)} />
        {isStale(failure) && <p class="alert alert-warning" role="alert">{t('stock.stale')}</p>}
        <Field id="wh-name" label={t('wh.name')} errors={errorsOf('name')}>
          {(c) => <input {...c} dir="auto" value={input.name} onInput={(e) => setInput({ ...input, name: e.currentTarget.value })} />}
        </Field>
        <PlaceCascade idPrefix="wh" legend={t('wh.place')} value={place} errors={errorsOf('pcode')} onChange={setPlace} />
        <Field id="wh-address" label={`${t('wh.address')} ${t('common.optional')}`} errors={errorsOf('address')}>
          {(c) => <textarea {...c} dir="auto" rows={2} value={input.address} onInput={(e) => setInput({ ...input, address: e.currentTarget.value })} />}
        </Field>
        <label class="check">
          <input type="checkbox" checked={input.active} onChange={(e) => setInput({ ...input, active: e.currentTarget.checked })} />
          {t('wh.activeLabel')}
        </label>
        <ErrorBox error={isStale(failure) ? null : failure} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>{busy ? t('common.saving') : t('wh.save')}</button>
          <button type="button" class="button" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
