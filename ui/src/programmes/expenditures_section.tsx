// A project's expenditures, newest first, voided ones kept and marked. Managers record one
// (the amount is confirmed before it is sent: expenditures are never edited) and void one with
// a reason. Each change reloads the project so its spent figure follows.
import { useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { ActionDialog } from '../cases/action_dialog';
import { errorsFor, fieldErrorsOf } from '../cases/field_errors';
import { today } from '../cases/format';
import { Field } from '../common/field';
import { formatTime } from '../common/format';
import { ListResults } from '../common/list_page';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { ConfirmDialog } from './confirm_dialog';
import { Amount } from './labels';
import { formatAmount, parseAmount } from './money';
import { addExpenditure, listExpenditures, voidExpenditure } from './programmes_api';
import { EXPENDITURE_CATEGORIES, type Expenditure, type Project } from './programmes_types';

const kLimit = 20;

interface Props { project: Project; manages: boolean; onChanged: () => void }

export function ExpendituresSection({ project, manages, onChanged }: Props) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useAsync(() => listExpenditures(project.id, { page, limit: kLimit }), [project.id, page]);
  const [notice, setNotice] = useState('');
  const changed = (message: string) => {
    setNotice(message);
    list.reload();
    onChanged();
  };
  return (
    <section class="card" aria-labelledby="exp-title">
      <h2 id="exp-title">{t('exp.title')}</h2>
      {notice && <p class="notice" role="status">{notice}</p>}
      {manages && <ExpenditureForm project={project} onAdded={(e) => changed(t('exp.added', { amount: formatAmount(e.amount, project.currency) }))} />}
      <ListResults list={list} empty={t('exp.none')} onPage={setPage} caption={t('exp.title')}
        head={(
          <>
            <th scope="col">{t('exp.spentOn')}</th>
            <th scope="col" class="num">{t('exp.amount')}</th>
            <th scope="col">{t('exp.category')}</th>
            <th scope="col">{t('exp.description')}</th>
            <th scope="col">{t('exp.recordedBy')}</th>
            {manages && <th scope="col">{t('items.actions')}</th>}
          </>
        )}
        row={(e) => (
          <tr key={e.id} class={e.voided_at ? 'voided' : undefined}>
            <td><bdi dir="ltr">{e.spent_on}</bdi></td>
            <td class="num">{e.voided_at ? <s><Amount value={e.amount} currency={project.currency} /></s> : <Amount value={e.amount} currency={project.currency} />}</td>
            <td>{enumLabel(t, 'expCategory', e.category)}</td>
            <td>
              <bdi translate={false}>{e.description}</bdi>
              {e.voided_at && (
                <div class="void-note">
                  <span class="badge badge-off">{t('exp.voided')}</span>{' '}
                  <bdi dir="ltr">{formatTime(e.voided_at)}</bdi>
                  {e.void_reason && <>: <bdi translate={false}>{e.void_reason}</bdi></>}
                </div>
              )}
            </td>
            <td>
              {e.created_by && <bdi translate={false}>{e.created_by.username}</bdi>}
              <div class="muted"><bdi dir="ltr">{formatTime(e.created_at)}</bdi></div>
            </td>
            {manages && (
              <td>{!e.voided_at && <VoidButton project={project} expenditure={e} onVoided={() => changed(t('exp.voidedNotice'))} />}</td>
            )}
          </tr>
        )} />
    </section>
  );
}

const kBlank = { spent_on: '', amount: '', category: 'supplies', description: '' };

function ExpenditureForm({ project, onAdded }: { project: Project; onAdded: (e: Expenditure) => void }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState({ ...kBlank, spent_on: today() });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [confirming, setConfirming] = useState(false);
  const errorsOf = errorsFor(errors);
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const amount = parseAmount(draft.amount, project.currency);

  const review = (event: Event) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!draft.spent_on) problems.push({ field: 'spent_on', reason: t('check.required') });
    if (!draft.amount.trim()) problems.push({ field: 'amount', reason: t('check.required') });
    else if (!amount.ok) problems.push({ field: 'amount', reason: t(amount.problem === 'decimals' ? 'prog.tooManyDecimals' : 'prog.amountRule') });
    else if (amount.value <= 0) problems.push({ field: 'amount', reason: t('check.positive') });
    if (!draft.description.trim()) problems.push({ field: 'description', reason: t('check.required') });
    setErrors(problems);
    if (!problems.length) setConfirming(true);
  };

  const send = async () => {
    if (!amount.ok) return;
    try {
      const saved = await addExpenditure(project.id, {
        spent_on: draft.spent_on, amount: amount.value, category: draft.category, description: draft.description.trim(),
      });
      setConfirming(false);
      setDraft({ ...kBlank, spent_on: draft.spent_on });
      onAdded(saved);
    } catch (cause) {
      const fields = fieldErrorsOf(cause, t, lang);
      if (!fields.length) throw cause;
      // The problems belong next to the fields: close the question and show them there.
      setConfirming(false);
      setErrors(fields);
    }
  };

  return (
    <>
    <form class="inline-form exp-form" noValidate aria-labelledby="exp-add-title" onSubmit={review}>
      <h3 id="exp-add-title">{t('exp.addTitle')}</h3>
      <div class="grid">
        <Field id="exp-spent_on" label={t('exp.spentOn')} errors={errorsOf('spent_on')}>
          {(c) => <input {...c} type="date" value={draft.spent_on} onInput={(e) => set({ spent_on: e.currentTarget.value })} />}
        </Field>
        <Field id="exp-amount" label={t('exp.amountIn', { currency: enumLabel(t, 'currencyName', project.currency) })} errors={errorsOf('amount')}>
          {(c) => <input {...c} inputMode="decimal" dir="ltr" value={draft.amount} onInput={(e) => set({ amount: e.currentTarget.value })} />}
        </Field>
        <Field id="exp-category" label={t('exp.category')} errors={errorsOf('category')}>
          {(c) => (
            <select {...c} value={draft.category} onChange={(e) => set({ category: e.currentTarget.value })}>
              {EXPENDITURE_CATEGORIES.map((x) => <option key={x} value={x}>{enumLabel(t, 'expCategory', x)}</option>)}
            </select>
          )}
        </Field>
        <Field id="exp-description" label={t('exp.description')} errors={errorsOf('description')}>
          {(c) => <input {...c} dir="auto" value={draft.description} onInput={(e) => set({ description: e.currentTarget.value })} />}
        </Field>
      </div>
      <button type="submit" class="button primary">{t('exp.add')}</button>
    </form>
      <ConfirmDialog id="exp-confirm" open={confirming} title={t('exp.confirmTitle')} confirm={t('exp.confirm')}
        dismiss={t('exp.goBack')} onConfirm={send} onClose={() => setConfirming(false)}>
        <p class="confirm-amount">{amount.ok && <Amount value={amount.value} currency={project.currency} />}</p>
        <p>{t('exp.confirmText', { category: enumLabel(t, 'expCategory', draft.category), date: draft.spent_on })}</p>
        <p class="hint">{t('exp.confirmHint')}</p>
      </ConfirmDialog>
    </>
  );
}

function VoidButton({ project, expenditure: e, onVoided }: { project: Project; expenditure: Expenditure; onVoided: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const id = `exp-void-${e.id}`;
  return (
    <ActionDialog id={id} buttonClass="button small danger-outline"
      label={<>{t('exp.void')}<span class="visually-hidden"> <Amount value={e.amount} currency={project.currency} /> <bdi dir="ltr">{e.spent_on}</bdi></span></>}
      title={t('exp.voidTitle')}
      text={t('exp.voidText', { amount: formatAmount(e.amount, project.currency), date: e.spent_on })}
      confirm={t('exp.voidConfirm')} dismiss={t('exp.keep')}
      onOpen={() => {
        setReason('');
        setMissing(false);
      }}
      onConfirm={async () => {
        if (!reason.trim()) {
          setMissing(true);
          return false;
        }
        await voidExpenditure(project.id, e.id, reason.trim());
        onVoided();
        return true;
      }}>
      <Field id={`${id}-reason`} label={t('exp.voidReason')} errors={missing ? [t('check.required')] : undefined}>
        {(c) => <textarea {...c} dir="auto" rows={2} value={reason} onInput={(ev) => setReason(ev.currentTarget.value)} />}
      </Field>
    </ActionDialog>
  );
}
