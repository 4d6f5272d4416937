// Add or edit an item of the catalogue: code (unique in the organisation), names in English
// (required), Arabic and Kurdish, the unit its quantities count, its category, and active.
import { useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { isStale } from '../cases/field_errors';
import { Check } from '../common/check';
import { EditCard } from '../common/edit_card';
import { Field } from '../common/field';
import { SelectField } from '../common/select_field';
import { useSave } from '../common/use_save';
import { enumLabel, useI18n, type MessageKey } from '../i18n/i18n';
import { createItem, updateItem } from './stock_api';
import { stockRefusal, StockStaleAlert } from './stock_refusal';
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
  const form = useSave(item?.version);
  const errorsOf = form.errorsOf;
  const set = (patch: Partial<ItemInput>) => setInput({ ...input, ...patch });

  const check = (): FieldError[] => {
    const problems: FieldError[] = [];
    const required = t('check.required');
    if (!input.code.trim()) problems.push({ field: 'code', reason: required });
    else if (!/^[A-Za-z0-9._-]{1,32}$/.test(input.code.trim())) problems.push({ field: 'code', reason: t('item.codeRule') });
    if (!input.name_en.trim()) problems.push({ field: 'name_en', reason: required });
    if (!input.unit.trim()) problems.push({ field: 'unit', reason: required });
    if (!input.category) problems.push({ field: 'category', reason: required });
    return problems;
  };

  const submit = (event: Event) => form.save(event, {
    check,
    send: async (version) => {
      const body: ItemInput = {
        ...input, code: input.code.trim(), name_en: input.name_en.trim(), name_ar: input.name_ar.trim(),
        name_ckb: input.name_ckb.trim(), unit: input.unit.trim(),
      };
      onSaved(item ? await updateItem(item.id, { ...body, version }) : await createItem(body));
    },
    refusal: (cause) => stockRefusal(cause, t, lang, 'code', t('item.codeTaken'), !!item),
  });

  const id = (f: string) => `item-${f}`;
  return (
    <EditCard id="item-form" level={3} title={item ? t('items.editTitle') : t('items.addTitle')}
      name={item ? itemName(lang, item) : undefined} form={form} onSubmit={submit} idOf={id} labelOf={(f) => (kLabels[f] ? t(kLabels[f]!) : f)}
      staleAlert={<StockStaleAlert failure={form.failure} />} failure={isStale(form.failure) ? null : form.failure}
      saveLabel={t('items.save')} onCancel={onCancel}>
      <div class="grid">
        <Field id={id('code')} label={t('item.code')} hint={t('item.codeHint')} errors={errorsOf('code')}>
          {(c) => <input {...c} dir="ltr" autoComplete="off" value={input.code} onInput={(e) => set({ code: e.currentTarget.value })} />}
        </Field>
        <SelectField id={id('category')} label={t('item.category')} errors={errorsOf('category')}
          value={input.category} onChange={(category) => set({ category })}>
          <option value="">{t('common.choose')}</option>
          {ITEM_CATEGORIES.map((x) => <option key={x} value={x}>{enumLabel(t, 'itemCategory', x)}</option>)}
        </SelectField>
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
      <Check label={t('item.activeLabel')} checked={input.active} onChange={(on) => set({ active: on })} />
    </EditCard>
  );
}
