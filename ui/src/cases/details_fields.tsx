// The module's own fields of a case (docs/cases.md "details"): GBV incident, child protection
// caregiver and separation, legal / HLP documents, property and court stage. MHPSS and special
// needs have none beyond the common content.
import {
  CASE_DOCUMENT_TYPES, COURT_STAGES, GBV_VIOLENCE_TYPES, SEPARATIONS, type CaseDetails,
} from '../api/cases_types';
import { Field } from '../common/field';
import { enumLabel, useI18n } from '../i18n/i18n';

interface Props {
  idPrefix: string;
  module: string;
  value: CaseDetails;
  onChange: (details: CaseDetails) => void;
  errorsOf: (field: string) => string[] | undefined;
}

export function hasDetails(module: string): boolean {
  return module === 'gbv' || module === 'child_protection' || module === 'legal' || module === 'hlp';
}

export function DetailsFields({ idPrefix, module, value, onChange, errorsOf }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<CaseDetails>) => onChange({ ...value, ...patch });
  const id = (name: string) => `${idPrefix}-${name}`;
  if (module === 'gbv') {
    return (
      <div class="grid">
        <Field id={id('incident_date')} label={t('details.incidentDate')} errors={errorsOf('details.incident_date')}>
          {(c) => <input {...c} type="date" dir="ltr" value={value.incident_date ?? ''}
            onInput={(e) => set({ incident_date: e.currentTarget.value || null })} />}
        </Field>
        <Field id={id('violence_type')} label={t('details.violenceType')} errors={errorsOf('details.violence_type')}>
          {(c) => (
            <select {...c} value={value.violence_type ?? ''}
              onChange={(e) => set({ violence_type: e.currentTarget.value || null })}>
              <option value="">{t('common.choose')}</option>
              {GBV_VIOLENCE_TYPES.map((v) => <option key={v} value={v}>{enumLabel(t, 'violence', v)}</option>)}
            </select>
          )}
        </Field>
        <Field id={id('perpetrator_relation')} label={t('details.perpetratorRelation')}
          errors={errorsOf('details.perpetrator_relation')}>
          {(c) => <input {...c} dir="auto" value={value.perpetrator_relation ?? ''}
            onInput={(e) => set({ perpetrator_relation: e.currentTarget.value })} />}
        </Field>
      </div>
    );
  }
  if (module === 'child_protection') {
    return (
      <div class="grid">
        <Field id={id('caregiver_name')} label={t('details.caregiverName')} errors={errorsOf('details.caregiver_name')}>
          {(c) => <input {...c} dir="auto" value={value.caregiver_name ?? ''}
            onInput={(e) => set({ caregiver_name: e.currentTarget.value })} />}
        </Field>
        <Field id={id('caregiver_relation')} label={t('details.caregiverRelation')}
          errors={errorsOf('details.caregiver_relation')}>
          {(c) => <input {...c} dir="auto" value={value.caregiver_relation ?? ''}
            onInput={(e) => set({ caregiver_relation: e.currentTarget.value })} />}
        </Field>
        <Field id={id('separation')} label={t('details.separation')} errors={errorsOf('details.separation')}>
          {(c) => (
            <select {...c} value={value.separation ?? ''} onChange={(e) => set({ separation: e.currentTarget.value || null })}>
              <option value="">{t('common.choose')}</option>
              {SEPARATIONS.map((v) => <option key={v} value={v}>{enumLabel(t, 'separation', v)}</option>)}
            </select>
          )}
        </Field>
      </div>
    );
  }
  if (module === 'legal' || module === 'hlp') {
    return (
      <div class="stack">
        <DocumentChecks legend={t('details.documentsLost')} value={value.documents_lost ?? []}
          onChange={(documents_lost) => set({ documents_lost })} />
        <DocumentChecks legend={t('details.documentsRecovered')} value={value.documents_recovered ?? []}
          onChange={(documents_recovered) => set({ documents_recovered })} />
        <div class="grid">
          <Field id={id('property')} label={t('details.property')} errors={errorsOf('details.property')}>
            {(c) => <input {...c} dir="auto" value={value.property ?? ''}
              onInput={(e) => set({ property: e.currentTarget.value })} />}
          </Field>
          <Field id={id('court_stage')} label={t('details.courtStage')} errors={errorsOf('details.court_stage')}>
            {(c) => (
              <select {...c} value={value.court_stage ?? ''} onChange={(e) => set({ court_stage: e.currentTarget.value || null })}>
                <option value="">{t('common.choose')}</option>
                {COURT_STAGES.map((v) => <option key={v} value={v}>{enumLabel(t, 'court', v)}</option>)}
              </select>
            )}
          </Field>
        </div>
      </div>
    );
  }
  return <p class="muted">{t('details.none')}</p>;
}

function DocumentChecks({ legend, value, onChange }: { legend: string; value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class="checks">
        {CASE_DOCUMENT_TYPES.map((doc) => (
          <label class="check" key={doc}>
            <input type="checkbox" checked={value.includes(doc)}
              onChange={(e) => onChange(e.currentTarget.checked
                ? [...value.filter((d) => d !== doc), doc]
                : value.filter((d) => d !== doc))} />
            {enumLabel(t, 'doc', doc)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The module's fields as read-only text for the case page. */
export function DetailsView({ module, details }: { module: string; details: CaseDetails | null | undefined }) {
  const { t } = useI18n();
  const d = details ?? {};
  const none = t('common.none');
  const text = (value: string | null | undefined) => (value ? <bdi translate={false}>{value}</bdi> : none);
  const docs = (list: string[] | undefined) =>
    list?.length ? list.map((doc) => enumLabel(t, 'doc', doc)).join(t('people.listSeparator')) : none;
  if (module === 'gbv') {
    return (
      <dl class="details">
        <dt>{t('details.incidentDate')}</dt><dd><bdi dir="ltr">{d.incident_date || none}</bdi></dd>
        <dt>{t('details.violenceType')}</dt><dd>{enumLabel(t, 'violence', d.violence_type) || none}</dd>
        <dt>{t('details.daysToReport')}</dt>
        <dd>{d.days_to_report === null || d.days_to_report === undefined ? none : d.days_to_report}</dd>
        <dt>{t('details.perpetratorRelation')}</dt><dd>{text(d.perpetrator_relation)}</dd>
      </dl>
    );
  }
  if (module === 'child_protection') {
    return (
      <dl class="details">
        <dt>{t('details.caregiverName')}</dt><dd>{text(d.caregiver_name)}</dd>
        <dt>{t('details.caregiverRelation')}</dt><dd>{text(d.caregiver_relation)}</dd>
        <dt>{t('details.separation')}</dt><dd>{enumLabel(t, 'separation', d.separation) || none}</dd>
      </dl>
    );
  }
  if (module === 'legal' || module === 'hlp') {
    return (
      <dl class="details">
        <dt>{t('details.documentsLost')}</dt><dd>{docs(d.documents_lost)}</dd>
        <dt>{t('details.documentsRecovered')}</dt><dd>{docs(d.documents_recovered)}</dd>
        <dt>{t('details.property')}</dt><dd>{text(d.property)}</dd>
        <dt>{t('details.courtStage')}</dt><dd>{enumLabel(t, 'court', d.court_stage) || none}</dd>
      </dl>
    );
  }
  return <p class="muted">{t('details.none')}</p>;
}

/** The fields of `module` only, without empty values, for sending. */
export function detailsPayload(module: string, d: CaseDetails): CaseDetails {
  const keys: (keyof CaseDetails)[] = module === 'gbv'
    ? ['incident_date', 'violence_type', 'perpetrator_relation']
    : module === 'child_protection'
      ? ['caregiver_name', 'caregiver_relation', 'separation']
      : module === 'legal' || module === 'hlp'
        ? ['documents_lost', 'documents_recovered', 'property', 'court_stage']
        : [];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = d[key];
    if (v === null || v === undefined || v === '') continue;
    out[key] = typeof v === 'string' ? v.trim() : v;
  }
  return out as CaseDetails;
}
