// Add or edit an item of the catalogue: code (unique in the organisation), names in English
// (required), Arabic and Kurdish, the unit its quantities count, its category, and active.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type FieldError } from '../api/client';
import { errorsFor, fieldErrorsOf, isStale } from '../cases/field_errors';
import { ErrorBox } from '../common/error_box';
import { Field } from '../common/field';
import { ProblemSummary } from '../common/problem_summary';
import { enumLabel, useI18n, type MessageKey } from '../i18n/i18n';
import { createItem, updateItem } from './stock_api';
import { COMMON_UNITS, ITEM_CATEGORIES, itemName, type Item, type ItemInput } from './stock_types';

interface Props { item: Item | null; onSaved: (item: Item) => void; onCancel: () => void }

const kLabels: Record<string, MessageKey> = {
  code: 'item.code', name_en: 'item.nameEn', name_ar: 'item.nameAr', name_ckb: 'item.nameCkb', unit: 'item.unit',
  category: 'item.category', version: 'stock.version',
};

export function ItemForm({ item, onSaved, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [input, setInput] = useState<ItemInput>(item ? {
    code: item.code, name_en: item.name_en, name_ar: item.name_ar ?? '', name_ckb: item.name_ckb ?? '', unit: item.unit,
    category: item.category, active: item.active,
  } : { code: '', name_en: '', name_ar: '', name_ckb: '', unit: '', category: '', active: true });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const errorsOf = errorsFor(errors);
  useEffect(() => heading.current?.focus(), [item?.id]);
  const set = (patch: Partial<ItemInput>) => setInput({ ...input, ...patch });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const problems: FieldError[] = [];
    const required = t('check.required');
    if (!input.code.trim()) problems.push({ field: 'code', reason: required });
    else if (!/^[A-Za-z0-9._-]{1,32}$/.test(input.code.trim())) problems.push({ field: 'code', reason: t('item.codeRule') });
    if (!input.name_en.trim()) problems.push({ field: 'name_en', reason: required });
    if (!input.unit.trim()) problems.push({ field: 'unit', reason: required });
    if (!input.category) problems.push({ field: 'category', reason: required });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    const body: ItemInput = {
      ...input, code: input.code.trim(), name_en: input.name_en.trim(), name_ar: input.name_ar.trim(),
      name_ckb: input.name_ckb.trim(), unit: input.unit.trim(),
    };
    try {
      onSaved(item ? await updateItem(item.id, { ...body, version: item.version }) : await createItem(body));
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409 && (!item || !isStale(cause))) {
        setErrors([{ field: 'code', reason: t('item.codeTaken') }]);
      } else {
        const list = isStale(cause) ? [] : fieldErrorsOf(cause, t, lang);
        setErrors(list);
        if (!list.length) setFailure(cause);
      }
    } finally {
      setBusy(false);
    }
  };

  const id = (f: string) => `item-${f}`;
  return (
    <section class="card" aria-labelledby="item-form-title">
      <h3 id="item-form-title" tabIndex={-1} ref={heading}>
        {item ? t('items.editTitle') : t('items.addTitle')}{item && <>: <bdi translate={false}>{itemName(lang, item)}</bdi></>}
      </h3>
      <form class="stack" noValidate onSubmit={submit}>
        <ProblemSummary errors={errors} idOf={id} labelOf={(f) => (kLabels[f] ? t(kLabels[f]!) : f)} />
        {isStale(failure) && <p class="alert alert-warning" role="alert">{t('stock.stale')}</p>}
        <div class="grid">
          <Field id={id('code')} label={t('item.code')} hint={t('item.codeHint')} errors={errorsOf('code')}>
            {(c) => <input {...c} dir="ltr" autoComplete="off" value={input.code} onInput={(e) => set({ code: e.currentTarget.value })} />}
          </Field>
          <Field id={id('category')} label={t('item.category')} errors={errorsOf('category')}>
            {(c) => (
              <select {...c} value={input.category} onChange={(e) => set({ category: e.currentTarget.value })}>
                <option value="">{t('common.choose')}</option>
                {ITEM_CATEGORIES.map((x) => <option key={x} value={x}>{enumLabel(t, 'itemCategory', x)}</option>)}
              </select>
            )}
          </Field>
          <Field id={id('unit')} label={t('item.unit')} hint={t('item.unitHint')} errors={errorsOf('unit')}>
            {(c) => (
              <>
                <input {...c} dir="ltr" list="item-units" autoComplete="off" value={input.unit} onInput={(e) => set({ unit: e.currentTarget.value })} />
                <datalist id="item-units">{COMMON_UNITS.map((u) => <option key={u} value={u} />)}</datalist>
              </>
            )}
          </Field>
        </div>
        <div class="grid">
          <Field id={id('name_en')} label={t('item.nameEn')} errors={errorsOf('name_en')}>
            {(c) => <input {...c} dir="ltr" lang="en" value={input.name_en} onInput={(e) => set({ name_en: e.currentTarget.value })} />}
          </Field>
          <Field id={id('name_ar')} label={`${t('item.nameAr')} ${t('common.optional')}`} errors={errorsOf('name_ar')}>
            {(c) => <input {...c} dir="rtl" lang="ar" value={input.name_ar} onInput={(e) => set({ name_ar: e.currentTarget.value })} />}
          </Field>
          <Field id={id('name_ckb')} label={`${t('item.nameCkb')} ${t('common.optional')}`} errors={errorsOf('name_ckb')}>
            {(c) => <input {...c} dir="rtl" lang="ckb" value={input.name_ckb} onInput={(e) => set({ name_ckb: e.currentTarget.value })} />}
          </Field>
        </div>
        <label class="check">
          <input type="checkbox" checked={input.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
          {t('item.activeLabel')}
        </label>
        <ErrorBox error={isStale(failure) ? null : failure} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>{busy ? t('common.saving') : t('items.save')}</button>
          <button type="button" class="button" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
