// Create or edit (in draft) a distribution round: name, kind, place, dates; for in-kind rounds
// the warehouse and the basket (lines per household or per member, with a cap); for cash the
// amount, currency and mechanism; and who is eligible (criteria). Saving goes to the round page.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { DISPLACEMENT_STATUSES } from '../api/types';
import { href, navigate } from '../app/router';
import { errorsFor, fieldErrorsOf, isStale } from '../cases/field_errors';
import { ErrorBox, Loading } from '../common/error_box';
import { Field } from '../common/field';
import { ProblemSummary } from '../common/problem_summary';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { pcodesByLevel, placePath } from '../registry/places';
import { activeItems, activeWarehouses } from '../stock/stock_api';
import { PlaceCascade } from '../stock/place_cascade';
import { createRound, getRound, updateRound } from './assistance_api';
import { CURRENCIES, MECHANISMS, ROUND_KINDS, type Round } from './assistance_types';
import { BasketEditor } from './basket_editor';
import { blankRound, checkDraft, draftOf, idOf, inputOf, labelOf, type RoundDraft } from './round_model';
import './assistance.css';

export function RoundFormPage({ id }: { id?: number }) {
  const round = useAsync(() => (id ? getRound(id) : Promise.resolve(null)), [id]);
  if (round.error) return <section><ErrorBox error={round.error} onRetry={round.reload} /></section>;
  if (round.loading) return <section><Loading /></section>;
  return <RoundForm round={round.data} />;
}

function RoundForm({ round }: { round: Round | null }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<RoundDraft>(round ? draftOf(round) : blankRound);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const items = useAsync(activeItems, []);
  const warehouses = useAsync(activeWarehouses, []);
  const errorsOf = errorsFor(errors);
  const set = (patch: Partial<RoundDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    // A saved place is shown in its governorate / district / subdistrict selects.
    const fill = (pcode: string | null | undefined, key: 'place' | 'critPlace') => {
      if (pcode) placePath(pcode).then((path) => set({ [key]: pcodesByLevel(path, 3) }), () => undefined);
    };
    fill(round?.pcode, 'place');
    fill(round?.criteria?.pcode, 'critPlace');
  }, [round?.id]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const problems = checkDraft(t, draft);
    setErrors(problems);
    if (problems.length) {
      window.setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      const input = inputOf(draft);
      const saved = round ? await updateRound(round.id, { ...input, version: round.version }) : await createRound(input);
      navigate(`/distributions/${saved.id}`);
    } catch (cause) {
      const list = isStale(cause) ? [] : fieldErrorsOf(cause, t, lang);
      setErrors(list);
      if (list.length) window.setTimeout(() => summary.current?.focus(), 0);
      else setFailure(cause);
    } finally {
      setBusy(false);
    }
  };

  const cash = draft.kind === 'cash';
  const title = round ? t('round.editTitle') : t('round.newTitle');
  return (
    <section aria-labelledby="round-form-title">
      <h1 id="round-form-title">{title}{round && <>: <bdi translate={false}>{round.name}</bdi></>}</h1>
      <form class="stack" noValidate onSubmit={submit}>
        <ProblemSummary errors={errors} idOf={idOf} labelOf={(f) => labelOf(t, f)} summaryRef={summary} />
        {isStale(failure) && <p class="alert alert-warning" role="alert">{t('round.stale')}</p>}
        <fieldset>
          <legend>{t('round.general')}</legend>
          <div class="grid">
            <Field id="round-name" label={t('round.name')} errors={errorsOf('name')}>
              {(c) => <input {...c} dir="auto" value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
            </Field>
            <Field id="round-kind" label={t('round.kind')} errors={errorsOf('kind')}>
              {(c) => (
                <select {...c} value={draft.kind} onChange={(e) => set({ kind: e.currentTarget.value })}>
                  {ROUND_KINDS.map((k) => <option key={k} value={k}>{enumLabel(t, 'roundKind', k)}</option>)}
                </select>
              )}
            </Field>
            <Field id="round-project" label={`${t('round.project')} ${t('common.optional')}`} errors={errorsOf('project')}>
              {(c) => <input {...c} dir="auto" value={draft.project} onInput={(e) => set({ project: e.currentTarget.value })} />}
            </Field>
            <Field id="round-site" label={t('round.site')} errors={errorsOf('site')}>
              {(c) => <input {...c} dir="auto" value={draft.site} onInput={(e) => set({ site: e.currentTarget.value })} />}
            </Field>
            <Field id="round-starts_on" label={t('round.startsOn')} errors={errorsOf('starts_on')}>
              {(c) => <input {...c} type="date" value={draft.starts_on} onInput={(e) => set({ starts_on: e.currentTarget.value })} />}
            </Field>
            <Field id="round-ends_on" label={t('round.endsOn')} errors={errorsOf('ends_on')}>
              {(c) => <input {...c} type="date" value={draft.ends_on} onInput={(e) => set({ ends_on: e.currentTarget.value })} />}
            </Field>
          </div>
          <PlaceCascade idPrefix="round" legend={t('round.place')} value={draft.place}
            errors={errorsOf('pcode')} onChange={(place) => set({ place })} />
        </fieldset>
        {cash ? (
          <fieldset>
            <legend>{t('round.cash')}</legend>
            <div class="grid">
              <Field id="round-cash-amount" label={t('round.amount')} errors={errorsOf('cash.amount')}>
                {(c) => <input {...c} inputMode="decimal" dir="ltr" value={draft.cash.amount}
                  onInput={(e) => set({ cash: { ...draft.cash, amount: e.currentTarget.value } })} />}
              </Field>
              <Field id="round-cash-currency" label={t('round.currency')} errors={errorsOf('cash.currency')}>
                {(c) => (
                  <select {...c} value={draft.cash.currency} onChange={(e) => set({ cash: { ...draft.cash, currency: e.currentTarget.value } })}>
                    {CURRENCIES.map((x) => <option key={x} value={x} translate={false}>{x}</option>)}
                  </select>
                )}
              </Field>
              <Field id="round-cash-mechanism" label={t('round.mechanism')} errors={errorsOf('cash.mechanism')}>
                {(c) => (
                  <select {...c} value={draft.cash.mechanism} onChange={(e) => set({ cash: { ...draft.cash, mechanism: e.currentTarget.value } })}>
                    {MECHANISMS.map((m) => <option key={m} value={m}>{enumLabel(t, 'mechanism', m)}</option>)}
                  </select>
                )}
              </Field>
            </div>
            <label class="check">
              <input type="checkbox" checked={draft.cash.per_member}
                onChange={(e) => set({ cash: { ...draft.cash, per_member: e.currentTarget.checked } })} />
              {t('round.cashPerMember')}
            </label>
            {draft.cash.per_member && (
              <Field id="round-cash-max_amount" label={`${t('round.maxAmount')} ${t('common.optional')}`} errors={errorsOf('cash.max_amount')}>
                {(c) => <input {...c} inputMode="decimal" dir="ltr" value={draft.cash.max_amount}
                  onInput={(e) => set({ cash: { ...draft.cash, max_amount: e.currentTarget.value } })} />}
              </Field>
            )}
          </fieldset>
        ) : (
          <fieldset>
            <legend>{t('round.basket')}</legend>
            <Field id="round-warehouse_id" label={t('round.warehouse')} errors={errorsOf('warehouse_id')}>
              {(c) => (
                <select {...c} value={draft.warehouse_id} onChange={(e) => set({ warehouse_id: e.currentTarget.value })}>
                  <option value="">{t('common.choose')}</option>
                  {(warehouses.data ?? []).map((w) => <option key={w.id} value={String(w.id)} translate={false}>{w.name}</option>)}
                  {round?.warehouse && !(warehouses.data ?? []).some((w) => w.id === round.warehouse!.id) && (
                    <option value={String(round.warehouse.id)} translate={false}>{round.warehouse.name}</option>
                  )}
                </select>
              )}
            </Field>
            <BasketEditor lines={draft.basket} items={items.data ?? []} errorsOf={errorsOf}
              onChange={(basket) => set({ basket })} />
            {errorsOf('basket') && <p class="field-error">{errorsOf('basket')!.join(' ')}</p>}
          </fieldset>
        )}
        <CriteriaFields draft={draft} set={set} errorsOf={errorsOf} />
        <ErrorBox error={isStale(failure) ? null : failure} />
        <div class="actions form-actions">
          <button type="submit" class="button primary" disabled={busy}>{busy ? t('common.saving') : t('round.save')}</button>
          <a class="button" href={href(round ? `/distributions/${round.id}` : '/distributions')}>{t('common.cancel')}</a>
        </div>
      </form>
    </section>
  );
}

interface CriteriaProps {
  draft: RoundDraft;
  set: (patch: Partial<RoundDraft>) => void;
  errorsOf: (field: string) => string[] | undefined;
}

function CriteriaFields({ draft, set, errorsOf }: CriteriaProps) {
  const { t } = useI18n();
  const number = (key: 'min_size' | 'max_size' | 'not_assisted_days' | 'max_households', label: string) => (
    <Field id={`round-criteria-${key}`} label={`${label} ${t('common.optional')}`} errors={errorsOf(`criteria.${key}`)}>
      {(c) => <input {...c} inputMode="numeric" dir="ltr" value={draft[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} />}
    </Field>
  );
  const flag = (key: 'female_headed' | 'disability' | 'elderly' | 'child_under_5', label: string) => (
    <label class="check">
      <input type="checkbox" checked={draft[key]} onChange={(e) => set({ [key]: e.currentTarget.checked })} />
      {label}
    </label>
  );
  return (
    <fieldset>
      <legend>{t('round.criteria')}</legend>
      <p class="hint">{t('round.criteriaHint')}</p>
      <fieldset id="round-statuses" tabIndex={-1}>
        <legend>{t('round.statuses')}</legend>
        <div class="checks">
          {DISPLACEMENT_STATUSES.map((s) => (
            <label class="check" key={s}>
              <input type="checkbox" checked={draft.statuses.includes(s)}
                onChange={(e) => set({ statuses: DISPLACEMENT_STATUSES.filter((x) => (x === s ? e.currentTarget.checked : draft.statuses.includes(x))) })} />
              {enumLabel(t, 'status', s)}
            </label>
          ))}
        </div>
      </fieldset>
      <PlaceCascade idPrefix="round-crit" legend={t('round.critPlace')} value={draft.critPlace} anyLabel
        errors={errorsOf('criteria.pcode')} onChange={(critPlace) => set({ critPlace })} />
      <div class="grid">
        {number('min_size', t('round.minSize'))}
        {number('max_size', t('round.maxSize'))}
        {number('not_assisted_days', t('round.notAssistedDays'))}
        {number('max_households', t('round.maxHouseholds'))}
      </div>
      <div class="checks">
        {flag('female_headed', t('round.femaleHeaded'))}
        {flag('disability', t('round.disability'))}
        {flag('elderly', t('round.elderly'))}
        {flag('child_under_5', t('round.childUnder5'))}
      </div>
    </fieldset>
  );
}
