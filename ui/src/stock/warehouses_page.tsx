// The organisation's warehouses: search, add and edit (name unique in the organisation, place
// chosen as governorate → district → subdistrict, address, active). Never deleted.
import { useEffect, useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { isStale } from '../cases/field_errors';
import { Check } from '../common/check';
import { EditCard } from '../common/edit_card';
import { Field } from '../common/field';
import { activeListQuery, EditButton, ListResults, Notice, SearchFilters, useEditing, useSearchText } from '../common/list_page';
import { useAsync } from '../common/use_async';
import { useSave } from '../common/use_save';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { PlaceName } from '../referrals/place_name';
import { pcodesByLevel, placePath } from '../registry/places';
import { PlaceCascade } from './place_cascade';
import { createWarehouse, listWarehouses, updateWarehouse } from './stock_api';
import { stockRefusal, StockStaleAlert } from './stock_refusal';
import type { Warehouse, WarehouseInput } from './stock_types';

const kLimit = 25;

export function WarehousesPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  const manages = can(user.role, 'stock.manage');
  const { q, all, page: pageNo, show } = activeListQuery(query, '/stock/warehouses');
  const [text, setText] = useSearchText(q);
  const list = useAsync(() => listWarehouses({ q, active: all ? 'all' : 'true', page: pageNo, limit: kLimit }), [q, all, pageNo]);
  const { editing, notice, edit, close, saved } = useEditing<Warehouse>();

  return (
    <section aria-labelledby="wh-title">
      <div class="page-head">
        <h2 id="wh-title">{t('wh.title')}</h2>
        {manages && editing === null && <button type="button" class="button primary" onClick={() => edit('new')}>{t('wh.add')}</button>}
      </div>
      <Notice text={notice} />
      {editing !== null && (
        <WarehouseForm key={editing === 'new' ? 'new' : editing.id} warehouse={editing === 'new' ? null : editing}
          onCancel={close}
          onSaved={(warehouse) => {
            saved(t('wh.saved', { name: warehouse.name }));
            list.reload();
          }} />
      )}
      <SearchFilters label={t('wh.filters')} id="wh-q" searchLabel={t('wh.search')} text={text} onText={setText}
        onSearch={() => show({ q: text.trim(), page: 1 })}>
        <Check label={t('wh.showInactive')} checked={all} onChange={(checked) => show({ q: text.trim(), all: checked, page: 1 })} />
      </SearchFilters>
      <ListResults list={list} empty={t('wh.none')} onPage={(page) => show({ page })}
        caption={t('wh.title')} head={<>
        <th scope="col">{t('wh.name')}</th>
        <th scope="col">{t('wh.place')}</th>
        <th scope="col">{t('wh.address')}</th>
        {manages && <th scope="col">{t('items.actions')}</th>}
      </>} row={(w) => (
        <tr key={w.id} class={w.active ? undefined : 'inactive'}>
          <th scope="row">
            <bdi translate={false}>{w.name}</bdi>
            {!w.active && <div><span class="badge badge-off">{t('items.inactive')}</span></div>}
          </th>
          <td><PlaceName pcode={w.pcode} /></td>
          <td><bdi translate={false}>{w.address}</bdi></td>
          {manages && <td><EditButton name={w.name} onClick={() => edit(w)} /></td>}
        </tr>
      )} />
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
  const form = useSave(warehouse?.version);
  const errorsOf = form.errorsOf;
  useEffect(() => {
    if (warehouse?.pcode) placePath(warehouse.pcode).then((p) => setPlace(pcodesByLevel(p, 3)), () => undefined);
  }, [warehouse?.id]);

  const pcode = [...place].reverse().find(Boolean) ?? '';
  const submit = (event: Event) => form.save(event, {
    check: () => {
      const problems: FieldError[] = [];
      if (!input.name.trim()) problems.push({ field: 'name', reason: t('check.required') });
      if (!pcode) problems.push({ field: 'pcode', reason: t('check.required') });
      return problems;
    },
    send: async (version) => {
      const body = { ...input, name: input.name.trim(), address: input.address.trim(), pcode };
      onSaved(warehouse ? await updateWarehouse(warehouse.id, { ...body, version }) : await createWarehouse(body));
    },
    refusal: (cause) => stockRefusal(cause, t, lang, 'name', t('wh.nameTaken'), !!warehouse),
  });

  return (
    <EditCard id="wh-form" level={3} title={warehouse ? t('wh.editTitle') : t('wh.addTitle')} name={warehouse?.name}
      form={form} onSubmit={submit} idOf={(f) => (f === 'pcode' ? 'wh-gov' : `wh-${f}`)} labelOf={(f) => (kLabels[f] ? t(kLabels[f]!) : f)}
      staleAlert={<StockStaleAlert failure={form.failure} />} failure={isStale(form.failure) ? null : form.failure}
      saveLabel={t('wh.save')} onCancel={onCancel}>
      <Field id="wh-name" label={t('wh.name')} errors={errorsOf('name')}>
        {(c) => <input {...c} dir="auto" value={input.name} onInput={(e) => setInput({ ...input, name: e.currentTarget.value })} />}
      </Field>
      <PlaceCascade idPrefix="wh" legend={t('wh.place')} value={place} errors={errorsOf('pcode')} onChange={setPlace} />
      <Field id="wh-address" label={`${t('wh.address')} ${t('common.optional')}`} errors={errorsOf('address')}>
        {(c) => <textarea {...c} dir="auto" rows={2} value={input.address} onInput={(e) => setInput({ ...input, address: e.currentTarget.value })} />}
      </Field>
      <Check label={t('wh.activeLabel')} checked={input.active} onChange={(on) => setInput({ ...input, active: on })} />
    </EditCard>
  );
}
