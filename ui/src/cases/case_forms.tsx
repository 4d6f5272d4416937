// What a caseworker records as the case goes on: a follow-up (date, note, next follow-up) and a
// service given (date, which service, provider, note). Both send the case's version; when the
// case changed meanwhile, the latest case is loaded and the typed entry is kept to send again.
import { useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { SERVICE_TYPES, type ProtectionCase } from '../api/cases_types';
import { Field } from '../common/field';
import { enumLabel, useI18n } from '../i18n/i18n';
import { RefusalBox } from './action_dialog';
import { addFollowUp, addService, getCase } from './cases_api';
import { errorsFor, fieldErrorsOf, isStale } from './field_errors';
import { today } from './format';

interface Props { kase: ProtectionCase; onSaved: (kase: ProtectionCase) => void }

/** Shared sending logic: client check, server problems per field, stale handling. */
function useEntry(kase: ProtectionCase, onSaved: (kase: ProtectionCase) => void) {
  const { t, lang } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const send = async (problems: FieldError[], call: () => Promise<ProtectionCase>, done: string): Promise<boolean> => {
    setFailure(null);
    setNotice('');
    setErrors(problems);
    if (problems.length || busy) return false;
    setBusy(true);
    try {
      onSaved(await call());
      setNotice(done);
      return true;
    } catch (cause) {
      const list = fieldErrorsOf(cause, t, lang).filter((f) => f.field !== 'version');
      if (list.length) setErrors(list);
      else setFailure(cause);
      if (isStale(cause)) onSaved(await getCase(kase.id).catch(() => kase));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { errors, errorsOf: errorsFor(errors), failure, busy, notice, send };
}

export function FollowUpForm({ kase, onSaved }: Props) {
  const { t } = useI18n();
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const entry = useEntry(kase, onSaved);
  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!date) problems.push({ field: 'date', reason: t('check.required') });
    if (!note.trim()) problems.push({ field: 'note', reason: t('check.required') });
    const ok = await entry.send(problems,
      () => addFollowUp(kase.id, { date, note: note.trim(), next_follow_up: next || null, version: kase.version }),
      t('followUp.saved'));
    if (ok) {
      setNote('');
      setNext('');
    }
  };
  return (
    <section class="card" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('followUp.title')}</h2>
      <form class="stack" noValidate onSubmit={submit}>
        <div class="grid">
          <Field id="follow-up-date" label={t('followUp.date')} errors={entry.errorsOf('date')}>
            {(c) => <input {...c} type="date" dir="ltr" value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
          </Field>
          <Field id="follow-up-next" label={t('case.nextFollowUp')} errors={entry.errorsOf('next_follow_up')}>
            {(c) => <input {...c} type="date" dir="ltr" value={next} onInput={(e) => setNext(e.currentTarget.value)} />}
          </Field>
        </div>
        <Field id="follow-up-note" label={t('followUp.note')} errors={entry.errorsOf('note')}>
          {(c) => <textarea {...c} dir="auto" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <RefusalBox error={entry.failure} />
        {entry.notice && <p class="notice" role="status">{entry.notice}</p>}
        <div class="actions">
          <button type="submit" class="button primary" disabled={entry.busy}>{t('followUp.save')}</button>
        </div>
      </form>
    </section>
  );
}

export function ServiceGivenForm({ kase, onSaved }: Props) {
  const { t } = useI18n();
  const [date, setDate] = useState(today());
  const [service, setService] = useState('');
  const [provider, setProvider] = useState('');
  const [note, setNote] = useState('');
  const entry = useEntry(kase, onSaved);
  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!date) problems.push({ field: 'date', reason: t('check.required') });
    if (!service) problems.push({ field: 'service', reason: t('check.required') });
    const ok = await entry.send(problems,
      () => addService(kase.id, { date, service, provider: provider.trim(), note: note.trim(), version: kase.version }),
      t('given.saved'));
    if (ok) {
      setService('');
      setProvider('');
      setNote('');
    }
  };
  return (
    <section class="card" aria-labelledby="given-title">
      <h2 id="given-title">{t('given.title')}</h2>
      <form class="stack" noValidate onSubmit={submit}>
        <div class="grid">
          <Field id="given-date" label={t('given.date')} errors={entry.errorsOf('date')}>
            {(c) => <input {...c} type="date" dir="ltr" value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
          </Field>
          <Field id="given-service" label={t('given.service')} errors={entry.errorsOf('service')}>
            {(c) => (
              <select {...c} value={service} onChange={(e) => setService(e.currentTarget.value)}>
                <option value="">{t('common.choose')}</option>
                {SERVICE_TYPES.map((s) => <option key={s} value={s}>{enumLabel(t, 'serviceType', s)}</option>)}
              </select>
            )}
          </Field>
          <Field id="given-provider" label={t('given.provider')} errors={entry.errorsOf('provider')}>
            {(c) => <input {...c} dir="auto" value={provider} onInput={(e) => setProvider(e.currentTarget.value)} />}
          </Field>
        </div>
        <Field id="given-note" label={t('given.note')} errors={entry.errorsOf('note')}>
          {(c) => <textarea {...c} dir="auto" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <RefusalBox error={entry.failure} />
        {entry.notice && <p class="notice" role="status">{entry.notice}</p>}
        <div class="actions">
          <button type="submit" class="button primary" disabled={entry.busy}>{t('given.save')}</button>
        </div>
      </form>
    </section>
  );
}
