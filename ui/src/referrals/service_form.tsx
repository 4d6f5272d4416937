// Add or edit a service of the user's organisation: type, name, place (governorate, district,
// subdistrict), contact, eligibility, and whether it takes referrals now (active).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { SERVICE_TYPES, type Service, type ServiceInput } from '../api/cases_types';
import { ErrorBox } from '../common/error_box';
import { Field } from '../common/field';
import { enumLabel, useI18n } from '../i18n/i18n';
import { errorsFor, fieldErrorsOf } from '../cases/field_errors';
import { ProblemList } from '../cases/problem_list';
import { PlaceSelect } from '../registry/place_select';
import { mostSpecific, pcodesByLevel, placePath } from '../registry/places';
import { createService, updateService } from './services_api';

interface Props {
  service: Service | null;
  onSaved: (service: Service) => void;
  onCancel: () => void;
}

const blank: ServiceInput = {
  type: '', name: '', pcode: '', contact_name: '', contact_phone: '', contact_email: '', eligibility: '', active: true,
};

const fieldId = (field: string) => `svc-${field}`;

export function ServiceForm({ service, onSaved, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [input, setInput] = useState<ServiceInput>(service ? {
    type: service.type, name: service.name, pcode: service.pcode, contact_name: service.contact_name ?? '',
    contact_phone: service.contact_phone ?? '', contact_email: service.contact_email ?? '',
    eligibility: service.eligibility ?? '', active: service.active !== false,
  } : blank);
  const [levels, setLevels] = useState<string[]>(['', '', '']);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const errorsOf = errorsFor(errors);

  useEffect(() => {
    heading.current?.focus();
    if (service?.pcode) {
      placePath(service.pcode).then((path) => setLevels(pcodesByLevel(path, 3)), () => setLevels([service.pcode, '', '']));
    }
  }, [service?.id]);

  const set = (patch: Partial<ServiceInput>) => setInput({ ...input, ...patch });
  const setLevel = (level: number, pcode: string) => {
    const next = levels.map((v, i) => (i < level ? v : i === level ? pcode : ''));
    setLevels(next);
    set({ pcode: mostSpecific(next) });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const required = t('check.required');
    const problems: FieldError[] = [];
    if (!input.type) problems.push({ field: 'type', reason: required });
    if (!input.name.trim()) problems.push({ field: 'name', reason: required });
    if (!input.pcode) problems.push({ field: 'pcode', reason: required });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    const body = { ...input, name: input.name.trim(), contact_name: input.contact_name.trim(), eligibility: input.eligibility.trim() };
    try {
      onSaved(service
        ? await updateService(service.id, service.version === undefined ? body : { ...body, version: service.version })
        : await createService(body));
    } catch (cause) {
      const list = fieldErrorsOf(cause, t, lang);
      setErrors(list);
      if (!list.length) setFailure(cause);
    } finally {
      setBusy(false);
    }
  };

  const title = service ? t('services.editTitle') : t('services.addTitle');
  return (
    <section class="card" aria-labelledby="svc-form-title">
      <h2 id="svc-form-title" tabIndex={-1} ref={heading}>
        {title}{service && <>: <bdi translate={false}>{service.name}</bdi></>}
      </h2>
      <form class="stack" noValidate onSubmit={submit}>
        <ProblemList errors={errors} idOf={(f) => (f === 'pcode' ? 'svc-gov' : fieldId(f))} />
        <div class="grid">
          <Field id={fieldId('type')} label={t('services.type')} errors={errorsOf('type')}>
            {(c) => (
              <select {...c} value={input.type} onChange={(e) => set({ type: e.currentTarget.value })}>
                <option value="">{t('common.choose')}</option>
                {SERVICE_TYPES.map((s) => <option key={s} value={s}>{enumLabel(t, 'serviceType', s)}</option>)}
              </select>
            )}
          </Field>
          <Field id={fieldId('name')} label={t('services.name')} errors={errorsOf('name')}>
            {(c) => <input {...c} dir="auto" value={input.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
          </Field>
        </div>
        <fieldset>
          <legend>{t('services.place')}</legend>
          <div class="grid">
            <div class="field">
              <label for="svc-gov">{t('households.governorate')}</label>
              <PlaceSelect id="svc-gov" level={1} parent="" value={levels[0] ?? ''} emptyLabel={t('common.choose')}
                invalid={!!errorsOf('pcode')} onChange={(v) => setLevel(0, v)} />
            </div>
            <div class="field">
              <label for="svc-district">{t('households.district')}</label>
              <PlaceSelect id="svc-district" level={2} parent={levels[0] ?? ''} value={levels[1] ?? ''}
                emptyLabel={t('common.choose')} onChange={(v) => setLevel(1, v)} />
            </div>
            <div class="field">
              <label for="svc-sub">{t('form.subdistrict')}</label>
              <PlaceSelect id="svc-sub" level={3} parent={levels[1] ?? ''} value={levels[2] ?? ''}
                emptyLabel={t('common.choose')} onChange={(v) => setLevel(2, v)} />
            </div>
          </div>
          {errorsOf('pcode') && <p class="field-error">{errorsOf('pcode')!.join(' ')}</p>}
        </fieldset>
        <div class="grid">
          <Field id={fieldId('contact_name')} label={t('services.contactName')} errors={errorsOf('contact_name')}>
            {(c) => <input {...c} dir="auto" value={input.contact_name} onInput={(e) => set({ contact_name: e.currentTarget.value })} />}
          </Field>
          <Field id={fieldId('contact_phone')} label={t('services.contactPhone')} errors={errorsOf('contact_phone')}>
            {(c) => <input {...c} type="tel" dir="ltr" value={input.contact_phone} onInput={(e) => set({ contact_phone: e.currentTarget.value })} />}
          </Field>
          <Field id={fieldId('contact_email')} label={t('services.contactEmail')} errors={errorsOf('contact_email')}>
            {(c) => <input {...c} type="email" dir="ltr" value={input.contact_email} onInput={(e) => set({ contact_email: e.currentTarget.value })} />}
          </Field>
        </div>
        <Field id={fieldId('eligibility')} label={t('services.eligibility')} errors={errorsOf('eligibility')}>
          {(c) => <textarea {...c} dir="auto" rows={2} value={input.eligibility} onInput={(e) => set({ eligibility: e.currentTarget.value })} />}
        </Field>
        <label class="check">
          <input type="checkbox" checked={input.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
          {t('services.activeLabel')}
        </label>
        <ErrorBox error={failure} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>{busy ? t('common.saving') : t('services.save')}</button>
          <button type="button" class="button" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
