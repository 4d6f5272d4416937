// Refer the person of a case to a service: find the service (type, place, text), choose the
// urgency, say why, and tick what to share. Only what the consent allows can be shared: other
// fields are disabled with the reason, and so are services of organisations the consent does
// not name (the user's own organisation is always allowed). The server checks the same.
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import {
  SHARE_FIELDS, URGENCIES, type ProtectionCase, type Referral, type Service, type ServiceType,
} from '../api/cases_types';
import type { Page } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { Field } from '../common/field';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { errorsFor, fieldErrorsOf } from '../cases/field_errors';
import { ProblemList } from '../cases/problem_list';
import { PlaceName } from './place_name';
import { sendReferral } from './referrals_api';
import { pcodeOf, ServiceFilters, type ServiceSearch } from './service_filters';
import { searchServices } from './services_api';

const kModuleService: Record<string, ServiceType> = {
  gbv: 'gbv_safe_space',
  child_protection: 'child_protection',
  mhpss: 'mhpss',
  legal: 'legal_aid',
  hlp: 'legal_aid',
};

const kResults = 20;

interface Props {
  kase: ProtectionCase;
  headingRef: Ref<HTMLHeadingElement>;
  onSent: (referral: Referral) => void;
  onCancel: () => void;
}

export function ReferralForm({ kase, headingRef, onSent, onCancel }: Props) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [search, setSearch] = useState<ServiceSearch>({ type: kModuleService[kase.module] ?? '', gov: '', district: '', q: '' });
  const services = useAsync<Page<Service>>(
    () => searchServices({ type: search.type, pcode: pcodeOf(search), q: search.q, page: 1 }, kResults),
    [search.type, search.gov, search.district, search.q],
  );
  const [serviceId, setServiceId] = useState<number | null>(null);
  const [urgency, setUrgency] = useState('normal');
  const [reason, setReason] = useState('');
  const [share, setShare] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorsOf = errorsFor(errors);

  const consent = kase.consent ?? {};
  const allowedFields = consent.share_fields ?? [];
  const allowedOrg = (s: Service) => s.organisation?.id === user.organisation.id ||
    (consent.share_with ?? []).includes(s.organisation?.id);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const problems: FieldError[] = [];
    if (serviceId === null) problems.push({ field: 'service_id', reason: t('referral.chooseService') });
    if (!reason.trim()) problems.push({ field: 'reason', reason: t('check.required') });
    setErrors(problems);
    if (problems.length || serviceId === null) return;
    setBusy(true);
    // Sent in the consent's order, so that `share[i]` in an error names the right field.
    const fields = SHARE_FIELDS.filter((f) => share.includes(f));
    try {
      onSent(await sendReferral({ case_id: kase.id, service_id: serviceId, urgency: urgency as Referral['urgency'], reason: reason.trim(), share: fields }));
    } catch (cause) {
      const list = fieldErrorsOf(cause, t, lang).map((f) => {
        const index = /^share\[(\d+)\]$/.exec(f.field);
        return index ? { field: 'share', reason: `${enumLabel(t, 'share', fields[Number(index[1])])}: ${f.reason}` } : f;
      });
      setErrors(list);
      if (!list.length) setFailure(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card referral-form" aria-labelledby="refer-title">
      <h2 id="refer-title" tabIndex={-1} ref={headingRef}>{t('referral.title')}</h2>
      <form class="stack" noValidate onSubmit={submit}>
        <ProblemList errors={errors} idOf={(field) => `refer-${field}`} />
        <fieldset id="refer-service_id" tabIndex={-1} aria-describedby={errorsOf('service_id') ? 'refer-service-error' : undefined}>
          <legend>{t('referral.service')}</legend>
          <ServiceFilters idPrefix="refer-svc" value={search} onSearch={setSearch} standalone={false} />
          <ErrorBox error={services.error} onRetry={services.reload} />
          {services.loading && !services.data && <Loading />}
          {services.data && services.data.items.length === 0 && <p class="muted" role="status">{t('services.none')}</p>}
          {services.data && services.data.items.length > 0 && (
            <ul class="service-choices">
              {services.data.items.map((s) => {
                const allowed = allowedOrg(s) && s.active !== false;
                return (
                  <li key={s.id} class={allowed ? undefined : 'disabled'}>
                    <label class="check">
                      <input type="radio" name="refer-service" value={String(s.id)} disabled={!allowed}
                        checked={serviceId === s.id} onChange={() => setServiceId(s.id)}
                        aria-describedby={allowed ? undefined : `refer-svc-why-${s.id}`} />
                      <span>
                        <bdi translate={false}>{s.name}</bdi>
                        {' · '}<bdi translate={false}>{s.organisation?.name}</bdi>
                        <span class="muted block">
                          {enumLabel(t, 'serviceType', s.type)} · <PlaceName pcode={s.pcode} />
                        </span>
                      </span>
                    </label>
                    {!allowed && (
                      <p id={`refer-svc-why-${s.id}`} class="hint">
                        {s.active === false ? t('referral.serviceInactive') : t('referral.orgNotConsented')}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {errorsOf('service_id') && <p id="refer-service-error" class="field-error">{errorsOf('service_id')!.join(' ')}</p>}
        </fieldset>
        <div class="grid">
          <Field id="refer-urgency" label={t('referral.urgency')} errors={errorsOf('urgency')}>
            {(c) => (
              <select {...c} value={urgency} onChange={(e) => setUrgency(e.currentTarget.value)}>
                {URGENCIES.map((u) => <option key={u} value={u}>{enumLabel(t, 'urgency', u)}</option>)}
              </select>
            )}
          </Field>
        </div>
        <Field id="refer-reason" label={t('referral.reason')} errors={errorsOf('reason')}>
          {(c) => <textarea {...c} dir="auto" rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <fieldset id="refer-share" tabIndex={-1}>
          <legend>{t('referral.share')}</legend>
          <p class="hint">{t('referral.shareHint')}</p>
          <div class="checks">
            {SHARE_FIELDS.map((field) => {
              const allowed = allowedFields.includes(field);
              return (
                <div key={field} class="share-option">
                  <label class="check">
                    <input type="checkbox" disabled={!allowed} checked={allowed && share.includes(field)}
                      aria-describedby={allowed ? undefined : `refer-share-why-${field}`}
                      onChange={(e) => setShare(e.currentTarget.checked
                        ? [...share.filter((f) => f !== field), field]
                        : share.filter((f) => f !== field))} />
                    {enumLabel(t, 'share', field)}
                  </label>
                  {!allowed && <span id={`refer-share-why-${field}`} class="hint">{t('referral.notConsented')}</span>}
                </div>
              );
            })}
          </div>
          {errorsOf('share') && <p class="field-error">{errorsOf('share')!.join(' ')}</p>}
        </fieldset>
        <ErrorBox error={failure} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>{busy ? t('referral.sending') : t('referral.send')}</button>
          <button type="button" class="button" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
