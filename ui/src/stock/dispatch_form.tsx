// Dispatch a transfer: from one warehouse to another, a waybill, and lines of item and
// quantity (the server takes lots first-expiry-first-out and refuses more than is available).
import { useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { errorsFor, fieldErrorsOf } from '../cases/field_errors';
import { ErrorBox } from '../common/error_box';
import { Field, type ControlProps } from '../common/field';
import { ProblemSummary } from '../common/problem_summary';
import { useAsync } from '../common/use_async';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { activeItems, activeWarehouses, dispatchTransfer } from './stock_api';
import { itemName, type Transfer } from './stock_types';

interface Line { item_id: string; quantity: string }

const kLabels: Record<string, MessageKey> = {
  from_warehouse_id: 'tr.from', to_warehouse_id: 'tr.to', waybill: 'stock.waybill', note: 'stock.note', lines: 'tr.lines',
};

const idOf = (f: string) => {
  const line = /^lines\[(\d+)\]\.(\w+)$/.exec(f);
  if (line) return `tr-line-${line[1]}-${line[2] === 'quantity' ? 'quantity' : 'item'}`;
  return f === 'lines' ? 'tr-add-line' : `tr-${f}`;
};

export function DispatchForm({ onDispatched, onCancel }: { onDispatched: (t: Transfer) => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const warehouses = useAsync(activeWarehouses, []);
  const items = useAsync(activeItems, []);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [waybill, setWaybill] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Line[]>([{ item_id: '', quantity: '' }]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorsOf = errorsFor(errors);
  const labelOf = (f: string) => {
    const line = /^lines\[(\d+)\]\.(\w+)$/.exec(f);
    if (line) return t('round.lineField', { n: Number(line[1]) + 1, field: line[2] === 'quantity' ? t('stock.quantity') : t('stock.item') });
    return kLabels[f] ? t(kLabels[f]!) : f;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const p: FieldError[] = [];
    const required = t('check.required');
    if (!from) p.push({ field: 'from_warehouse_id', reason: required });
    if (!to) p.push({ field: 'to_warehouse_id', reason: required });
    else if (to === from) p.push({ field: 'to_warehouse_id', reason: t('tr.sameWarehouse') });
    if (!waybill.trim()) p.push({ field: 'waybill', reason: required });
    lines.forEach((l, i) => {
      if (!l.item_id) p.push({ field: `lines[${i}].item_id`, reason: required });
      if (!/^\d+$/.test(l.quantity.trim()) || Number(l.quantity) === 0) p.push({ field: `lines[${i}].quantity`, reason: t('check.wholePositive') });
    });
    setErrors(p);
    if (p.length) return;
    setBusy(true);
    try {
      onDispatched(await dispatchTransfer({
        from_warehouse_id: Number(from), to_warehouse_id: Number(to), waybill: waybill.trim(), note: note.trim(),
        lines: lines.map((l) => ({ item_id: Number(l.item_id), quantity: Number(l.quantity) })),
      }));
    } catch (cause) {
      const list = fieldErrorsOf(cause, t, lang);
      setErrors(list);
      if (!list.length) setFailure(cause);
    } finally {
      setBusy(false);
    }
  };

  const warehouseSelect = (id: string, value: string, set: (v: string) => void) => (c: ControlProps) => (
    <select {...c} id={id} value={value} onChange={(e) => set(e.currentTarget.value)}>
      <option value="">{t('common.choose')}</option>
      {(warehouses.data ?? []).map((w) => <option key={w.id} value={String(w.id)} translate={false}>{w.name}</option>)}
    </select>
  );

  return (
    <section class="card" aria-labelledby="tr-form-title">
      <h3 id="tr-form-title">{t('tr.dispatchTitle')}</h3>
      <form class="stack" noValidate onSubmit={submit}>
        <ProblemSummary errors={errors} idOf={idOf} labelOf={labelOf} />
        <div class="grid">
          <Field id="tr-from_warehouse_id" label={t('tr.from')} errors={errorsOf('from_warehouse_id')}>
            {warehouseSelect('tr-from_warehouse_id', from, setFrom)}
          </Field>
          <Field id="tr-to_warehouse_id" label={t('tr.to')} errors={errorsOf('to_warehouse_id')}>
            {warehouseSelect('tr-to_warehouse_id', to, setTo)}
          </Field>
          <Field id="tr-waybill" label={t('stock.waybill')} errors={errorsOf('waybill')}>
            {(c) => <input {...c} dir="ltr" value={waybill} onInput={(e) => setWaybill(e.currentTarget.value)} />}
          </Field>
        </div>
        {lines.map((l, i) => (
          <fieldset class="line" key={i}>
            <legend>{t('round.line', { n: i + 1 })}</legend>
            <div class="basket-line">
              <Field id={`tr-line-${i}-item`} label={t('stock.item')} errors={errorsOf(`lines[${i}].item_id`)}>
                {(c) => (
                  <select {...c} value={l.item_id} onChange={(e) => setLines(lines.map((x, j) => (j === i ? { ...x, item_id: e.currentTarget.value } : x)))}>
                    <option value="">{t('common.choose')}</option>
                    {(items.data ?? []).map((it) => <option key={it.id} value={String(it.id)} translate={false}>{itemName(lang, it)} ({it.unit})</option>)}
                  </select>
                )}
              </Field>
              <Field id={`tr-line-${i}-quantity`} label={t('stock.quantity')} errors={errorsOf(`lines[${i}].quantity`)}>
                {(c) => <input {...c} inputMode="numeric" dir="ltr" value={l.quantity}
                  onInput={(e) => setLines(lines.map((x, j) => (j === i ? { ...x, quantity: e.currentTarget.value } : x)))} />}
              </Field>
            </div>
            {lines.length > 1 && (
              <button type="button" class="button small danger-outline" onClick={() => setLines(lines.filter((_, j) => j !== i))}>
                {t('round.removeLine', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        <button type="button" id="tr-add-line" class="button" onClick={() => setLines([...lines, { item_id: '', quantity: '' }])}>
          {t('round.addLine')}
        </button>
        <Field id="tr-note" label={`${t('stock.note')} ${t('common.optional')}`} errors={errorsOf('note')}>
          {(c) => <textarea {...c} dir="auto" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <ErrorBox error={failure} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>{busy ? t('common.saving') : t('tr.dispatch')}</button>
          <button type="button" class="button" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
