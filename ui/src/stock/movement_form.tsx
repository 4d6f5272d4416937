// Record a stock movement by hand: a receipt (lot number and expiry, donor, waybill), a loss
// (reason; a lot, or first-expiry-first-out when none is chosen) or an adjustment after a
// physical count (the lot and what was counted). The kind lives in the hash (`?kind=loss`).
import { useRef, useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { navigate } from '../app/router';
import { errorsFor, fieldErrorsOf } from '../cases/field_errors';
import { ErrorBox } from '../common/error_box';
import { Field } from '../common/field';
import { ProblemSummary } from '../common/problem_summary';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n, type MessageKey } from '../i18n/i18n';
import { activeItems, activeWarehouses, listBalances, recordMovement } from './stock_api';
import { LOSS_REASONS, itemName } from './stock_types';

const kKinds = ['receipt', 'loss', 'adjustment'] as const;
type Kind = (typeof kKinds)[number];

interface Draft {
  warehouse_id: string; item_id: string; lot_id: string; lot_number: string; expiry: string; quantity: string;
  counted: string; donor: string; waybill: string; reason: string; note: string;
}

const blank: Draft = {
  warehouse_id: '', item_id: '', lot_id: '', lot_number: '', expiry: '', quantity: '', counted: '', donor: '',
  waybill: '', reason: '', note: '',
};

const kLabels: Record<string, MessageKey> = {
  warehouse_id: 'stock.warehouse', item_id: 'stock.item', lot_id: 'stock.lot', lot: 'stock.lotNumber',
  'lot.number': 'stock.lotNumber', 'lot.expiry': 'stock.expiry', quantity: 'stock.quantity', counted: 'stock.counted',
  donor: 'stock.donor', waybill: 'stock.waybill', reason: 'stock.lossReason', note: 'stock.note',
};

const fieldId = (f: string) => `mv-${f === 'lot.number' || f === 'lot' ? 'lot_number' : f === 'lot.expiry' ? 'expiry' : f}`;
const whole = (s: string) => /^\d+$/.test(s.trim());

export function MovementForm({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const kind: Kind = (kKinds as readonly string[]).includes(query.get('kind') ?? '') ? query.get('kind') as Kind : 'receipt';
  const [draft, setDraft] = useState<Draft>(blank);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const warehouses = useAsync(activeWarehouses, []);
  const items = useAsync(activeItems, []);
  const lots = useAsync(() => (draft.warehouse_id && draft.item_id && kind !== 'receipt'
    ? listBalances({ warehouse_id: draft.warehouse_id, item_id: draft.item_id }).then((rows) => rows.flatMap((r) => r.lots ?? []))
    : Promise.resolve([])), [draft.warehouse_id, draft.item_id, kind]);
  const errorsOf = errorsFor(errors);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const check = (): FieldError[] => {
    const p: FieldError[] = [];
    const required = t('check.required');
    if (!draft.warehouse_id) p.push({ field: 'warehouse_id', reason: required });
    if (!draft.item_id) p.push({ field: 'item_id', reason: required });
    if (kind === 'adjustment') {
      if (!draft.lot_id) p.push({ field: 'lot_id', reason: required });
      if (!whole(draft.counted)) p.push({ field: 'counted', reason: t('check.wholeNumber') });
    } else if (!whole(draft.quantity) || Number(draft.quantity) === 0) {
      p.push({ field: 'quantity', reason: t('check.wholePositive') });
    }
    if (kind === 'receipt') {
      if (!draft.lot_number.trim()) p.push({ field: 'lot.number', reason: required });
      if (!draft.donor.trim()) p.push({ field: 'donor', reason: required });
      if (!draft.waybill.trim()) p.push({ field: 'waybill', reason: required });
    }
    if (kind === 'loss') {
      if (!draft.reason) p.push({ field: 'reason', reason: required });
      if (draft.reason === 'other' && !draft.note.trim()) p.push({ field: 'note', reason: required });
    }
    return p;
  };

  const body = (): Record<string, unknown> => {
    const base = { kind, warehouse_id: Number(draft.warehouse_id), note: draft.note.trim() };
    if (kind === 'receipt') {
      return { ...base, item_id: Number(draft.item_id), quantity: Number(draft.quantity), donor: draft.donor.trim(),
        waybill: draft.waybill.trim(), lot: { number: draft.lot_number.trim(), expiry: draft.expiry || null } };
    }
    if (kind === 'loss') {
      return { ...base, item_id: Number(draft.item_id), quantity: Number(draft.quantity), reason: draft.reason,
        ...(draft.lot_id ? { lot_id: Number(draft.lot_id) } : {}) };
    }
    return { ...base, item_id: Number(draft.item_id), lot_id: Number(draft.lot_id), counted: Number(draft.counted) };
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    setDone('');
    const problems = check();
    setErrors(problems);
    if (problems.length) {
      window.setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      await recordMovement(body());
      const item = (items.data ?? []).find((i) => String(i.id) === draft.item_id);
      const warehouse = (warehouses.data ?? []).find((w) => String(w.id) === draft.warehouse_id);
      setDone(t(`stock.recorded_${kind}`, {
        n: kind === 'adjustment' ? draft.counted : draft.quantity, unit: item?.unit ?? '', item: itemName(lang, item),
        warehouse: warehouse?.name ?? '',
      }));
      // The warehouse and item stay chosen: a delivery often brings several lots.
      setDraft({ ...blank, warehouse_id: draft.warehouse_id, item_id: draft.item_id, donor: draft.donor, waybill: draft.waybill });
      lots.reload();
    } catch (cause) {
      const list = fieldErrorsOf(cause, t, lang);
      setErrors(list);
      if (list.length) window.setTimeout(() => summary.current?.focus(), 0);
      else setFailure(cause);
    } finally {
      setBusy(false);
    }
  };

  const text = (f: keyof Draft, label: string, extra: Record<string, unknown> = {}) => (
    <Field id={fieldId(f)} label={label} errors={errorsOf(f)}>
      {(c) => <input {...c} {...extra} value={draft[f]} onInput={(e) => set({ [f]: e.currentTarget.value })} />}
    </Field>
  );

  return (
    <section aria-labelledby="mv-title">
      <h2 id="mv-title">{t('stock.recordTitle')}</h2>
      <div class="tabs" role="group" aria-label={t('stock.kind')}>
        <ul>
          {kKinds.map((k) => (
            <li key={k}>
              <a href={`#/stock/record?kind=${k}`} aria-current={kind === k ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setErrors([]);
                  setDone('');
                  navigate('/stock/record', { kind: k });
                }}>{enumLabel(t, 'movementKind', k)}</a>
            </li>
          ))}
        </ul>
      </div>
      <p class="hint">{t(`stock.hint_${kind}`)}</p>
      {done && <p class="alert alert-ok" role="status">{done}</p>}
      <form class="stack" noValidate onSubmit={submit}>
        <ProblemSummary errors={errors} idOf={fieldId} labelOf={(f) => (kLabels[f] ? t(kLabels[f]!) : f)} summaryRef={summary} />
        <div class="grid">
          <Field id="mv-warehouse_id" label={t('stock.warehouse')} errors={errorsOf('warehouse_id')}>
            {(c) => (
              <select {...c} value={draft.warehouse_id} onChange={(e) => set({ warehouse_id: e.currentTarget.value, lot_id: '' })}>
                <option value="">{t('common.choose')}</option>
                {(warehouses.data ?? []).map((w) => <option key={w.id} value={String(w.id)} translate={false}>{w.name}</option>)}
              </select>
            )}
          </Field>
          <Field id="mv-item_id" label={t('stock.item')} errors={errorsOf('item_id')}>
            {(c) => (
              <select {...c} value={draft.item_id} onChange={(e) => set({ item_id: e.currentTarget.value, lot_id: '' })}>
                <option value="">{t('common.choose')}</option>
                {(items.data ?? []).map((i) => <option key={i.id} value={String(i.id)} translate={false}>{itemName(lang, i)} ({i.unit})</option>)}
              </select>
            )}
          </Field>
          {kind === 'receipt' && text('lot_number', t('stock.lotNumber'), { dir: 'ltr', autoComplete: 'off' })}
          {kind === 'receipt' && (
            <Field id="mv-expiry" label={`${t('stock.expiry')} ${t('common.optional')}`} hint={t('stock.expiryHint')} errors={errorsOf('lot.expiry')}>
              {(c) => <input {...c} type="date" value={draft.expiry} onInput={(e) => set({ expiry: e.currentTarget.value })} />}
            </Field>
          )}
          {kind !== 'receipt' && (
            <Field id="mv-lot_id" label={kind === 'loss' ? `${t('stock.lot')} ${t('common.optional')}` : t('stock.lot')}
              hint={kind === 'loss' ? t('stock.fefoHint') : undefined} errors={errorsOf('lot_id')}>
              {(c) => (
                <select {...c} value={draft.lot_id} onChange={(e) => set({ lot_id: e.currentTarget.value })}>
                  <option value="">{kind === 'loss' ? t('stock.fefo') : t('common.choose')}</option>
                  {(lots.data ?? []).map((l) => (
                    <option key={l.lot.id} value={String(l.lot.id)} translate={false}>
                      {l.lot.number}{l.lot.expiry ? ` · ${l.lot.expiry}` : ''} · {l.quantity}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {kind === 'adjustment'
            ? text('counted', t('stock.counted'), { inputMode: 'numeric', dir: 'ltr' })
            : text('quantity', t('stock.quantity'), { inputMode: 'numeric', dir: 'ltr' })}
          {kind === 'receipt' && text('donor', t('stock.donor'), { dir: 'auto' })}
          {kind === 'receipt' && text('waybill', t('stock.waybill'), { dir: 'ltr', autoComplete: 'off' })}
          {kind === 'loss' && (
            <Field id="mv-reason" label={t('stock.lossReason')} errors={errorsOf('reason')}>
              {(c) => (
                <select {...c} value={draft.reason} onChange={(e) => set({ reason: e.currentTarget.value })}>
                  <option value="">{t('common.choose')}</option>
                  {LOSS_REASONS.map((r) => <option key={r} value={r}>{enumLabel(t, 'lossReason', r)}</option>)}
                </select>
              )}
            </Field>
          )}
        </div>
        <Field id="mv-note" label={kind === 'loss' && draft.reason === 'other' ? t('stock.note') : `${t('stock.note')} ${t('common.optional')}`}
          errors={errorsOf('note')}>
          {(c) => <textarea {...c} dir="auto" rows={2} value={draft.note} onInput={(e) => set({ note: e.currentTarget.value })} />}
        </Field>
        <ErrorBox error={failure} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>{busy ? t('common.saving') : t(`stock.save_${kind}`)}</button>
        </div>
      </form>
    </section>
  );
}
