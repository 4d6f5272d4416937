// Open a case: module (only the user's own), risk, the registered people it is about, intake,
// consent and the module's own fields. Client checks catch what is obviously missing; the
// server's 422 problems are listed at the top and shown next to their fields.
import { useRef, useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import {
  IDENTIFIED_BY, RISKS, type CaseDetails, type CasePerson, type Consent, type Intake,
} from '../api/cases_types';
import { href, navigate } from '../app/router';
import { modulesOf } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox } from '../common/error_box';
import { Field } from '../common/field';
import { enumLabel, useI18n } from '../i18n/i18n';
import { createCase } from './cases_api';
import { ConsentFields } from './consent_fields';
import { DetailsFields, detailsPayload } from './details_fields';
import { errorsFor, fieldErrorsOf } from './field_errors';
import { today } from './format';
import { PersonPicker } from './person_picker';
import { ProblemList } from './problem_list';

/** The control for an API field path: `intake.date` → `case-intake-date`. */
export const newCaseId = (field: string) => `case-${field.replace(/\[\d+\]/g, '').replace(/\./g, '-')}`;

export function CaseNewPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const modules = modulesOf(user);
  const [module, setModule] = useState<string>(modules.length === 1 ? modules[0]! : '');
  const [risk, setRisk] = useState('');
  const [people, setPeople] = useState<CasePerson[]>([]);
  const [intake, setIntake] = useState<Intake>({ identified_by: '', date: today(), narrative: '' });
  const [consent, setConsent] = useState<Consent>({
    registration: false, contact: false, share_with: [], share_fields: [], given_on: today(),
  });
  const [details, setDetails] = useState<CaseDetails>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorsOf = errorsFor(errors);

  const showErrors = (list: FieldError[]) => {
    setErrors(list);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const required = t('check.required');
    const problems: FieldError[] = [];
    if (!module) problems.push({ field: 'module', reason: required });
    if (!risk) problems.push({ field: 'risk', reason: required });
    if (people.length === 0) problems.push({ field: 'people', reason: t('caseNew.personRequired') });
    if (!intake.identified_by) problems.push({ field: 'intake.identified_by', reason: required });
    if (!intake.date) problems.push({ field: 'intake.date', reason: required });
    if (problems.length) {
      showErrors(problems);
      return;
    }
    setBusy(true);
    try {
      const saved = await createCase({
        module,
        risk,
        people: people.map((p) => p.id),
        intake: { ...intake, narrative: intake.narrative?.trim() ?? '' },
        consent: { ...consent, given_on: consent.given_on || null },
        details: detailsPayload(module, details),
      });
      navigate(`/cases/${saved.id}`);
    } catch (cause) {
      setBusy(false);
      const list = fieldErrorsOf(cause, t, lang);
      if (list.length) showErrors(list);
      else setFailure(cause);
    }
  };

  if (modules.length === 0) {
    return (
      <section>
        <h1>{t('caseNew.title')}</h1>
        <p class="empty">{t('caseNew.noModules')}</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="case-new-title">
      <h1 id="case-new-title">{t('caseNew.title')}</h1>
      <form class="case-form" noValidate onSubmit={submit}>
        <ProblemList errors={errors} idOf={newCaseId} summaryRef={summaryRef} />
        <ErrorBox error={failure} />
        <fieldset>
          <legend>{t('caseNew.case')}</legend>
          <div class="grid">
            <Field id={newCaseId('module')} label={t('case.module')} errors={errorsOf('module')}>
              {(c) => (
                <select {...c} value={module} onChange={(e) => {
                  setModule(e.currentTarget.value);
                  setDetails({});
                }}>
                  <option value="">{t('common.choose')}</option>
                  {modules.map((m) => <option key={m} value={m}>{enumLabel(t, 'module', m)}</option>)}
                </select>
              )}
            </Field>
            <Field id={newCaseId('risk')} label={t('case.risk')} errors={errorsOf('risk')}>
              {(c) => (
                <select {...c} value={risk} onChange={(e) => setRisk(e.currentTarget.value)}>
                  <option value="">{t('common.choose')}</option>
                  {RISKS.map((r) => <option key={r} value={r}>{enumLabel(t, 'risk', r)}</option>)}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <PersonPicker id={newCaseId('people')} value={people} onChange={setPeople} errors={errorsOf('people')} />
        <fieldset>
          <legend>{t('case.intake')}</legend>
          <IntakeFields idOf={newCaseId} value={intake} onChange={setIntake} errorsOf={errorsOf} />
        </fieldset>
        <fieldset>
          <legend>{t('case.consent')}</legend>
          <ConsentFields idPrefix="case-new" value={consent} onChange={setConsent} />
          <div class="grid">
            <Field id={newCaseId('consent.given_on')} label={t('consent.givenOn')} errors={errorsOf('consent.given_on')}>
              {(c) => <input {...c} type="date" dir="ltr" value={consent.given_on ?? ''}
                onInput={(e) => setConsent({ ...consent, given_on: e.currentTarget.value })} />}
            </Field>
          </div>
        </fieldset>
        {module && (
          <fieldset>
            <legend>{t('case.details')}</legend>
            <DetailsFields idPrefix="case-details" module={module} value={details} onChange={setDetails}
              errorsOf={errorsOf} />
          </fieldset>
        )}
        <div class="actions form-actions">
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t('common.saving') : t('caseNew.submit')}
          </button>
          <a class="button" href={href('/cases')}>{t('common.cancel')}</a>
        </div>
      </form>
    </section>
  );
}

interface IntakeProps {
  idOf: (field: string) => string;
  value: Intake;
  onChange: (intake: Intake) => void;
  errorsOf: (field: string) => string[] | undefined;
}

export function IntakeFields({ idOf, value, onChange, errorsOf }: IntakeProps) {
  const { t } = useI18n();
  return (
    <div class="grid">
      <Field id={idOf('intake.identified_by')} label={t('intake.identifiedBy')} errors={errorsOf('intake.identified_by')}>
        {(c) => (
          <select {...c} value={value.identified_by ?? ''}
            onChange={(e) => onChange({ ...value, identified_by: e.currentTarget.value })}>
            <option value="">{t('common.choose')}</option>
            {IDENTIFIED_BY.map((v) => <option key={v} value={v}>{enumLabel(t, 'identified', v)}</option>)}
          </select>
        )}
      </Field>
      <Field id={idOf('intake.date')} label={t('intake.date')} errors={errorsOf('intake.date')}>
        {(c) => <input {...c} type="date" dir="ltr" value={value.date ?? ''}
          onInput={(e) => onChange({ ...value, date: e.currentTarget.value })} />}
      </Field>
      <Field id={idOf('intake.narrative')} label={t('intake.narrative')} hint={t('intake.narrativeHint')}
        errors={errorsOf('intake.narrative')} class="field-wide">
        {(c) => <textarea {...c} dir="auto" rows={5} value={value.narrative ?? ''}
          onInput={(e) => onChange({ ...value, narrative: e.currentTarget.value })} />}
      </Field>
    </div>
  );
}
