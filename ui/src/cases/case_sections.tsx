// The editable sections of the case page, each a CaseSection with its read-only view, its
// editor and the PATCH body it sends.
import type { FieldError } from '../api/client';
import {
  NEEDS, RISKS, type Assessment, type CaseDetails, type CasePerson, type Consent, type Intake, type Plan,
  type ProtectionCase,
} from '../api/cases_types';
import { href } from '../app/router';
import { Field } from '../common/field';
import { enumLabel, useI18n } from '../i18n/i18n';
import { IntakeFields } from './case_new_page';
import { CaseSection, sectionFieldId } from './case_section';
import { ConsentFields, ConsentView } from './consent_fields';
import { PersonPicker } from './person_picker';
import { DetailsFields, DetailsView, detailsPayload } from './details_fields';
import { When } from './format';
import { checkPlan, cleanPlan, PlanEditor, PlanView } from './plan_editor';

interface Props { kase: ProtectionCase; canEdit: boolean; onSaved: (kase: ProtectionCase) => void }

const idIn = (name: string) => (field: string) => sectionFieldId(name, field);

export function PeopleSection(props: Props) {
  const { t } = useI18n();
  return (
    <CaseSection<CasePerson[]> {...props} name="people" title={t('case.people')}
      draftOf={(c) => [...(c.people ?? [])]}
      patchOf={(d) => ({ people: d.map((p) => p.id) })}
      check={(d) => (d.length ? [] : [{ field: 'people', reason: t('caseNew.personRequired') }])}
      view={(c) => <PeopleList people={c.people ?? []} />}
      editor={(d, set, errorsOf) => (
        <PersonPicker id={sectionFieldId('people', 'people')} value={d} onChange={set} errors={errorsOf('people')} />
      )} />
  );
}

function PeopleList({ people }: { people: CasePerson[] }) {
  const { t } = useI18n();
  if (people.length === 0) return <p class="muted">{t('common.none')}</p>;
  return (
    <ul class="plain people-list">
      {people.map((p) => (
        <li key={p.id}>
          <bdi translate={false}>{p.name || t('caseNew.personId', { id: p.id })}</bdi>
          {p.household_id !== undefined && p.household_id !== null && (
            <> · <a href={href(`/households/${p.household_id}`)}>{t('people.household', { id: p.household_id })}</a></>
          )}
        </li>
      ))}
    </ul>
  );
}

export function SummarySection(props: Props) {
  const { t } = useI18n();
  type Draft = { risk: string; next_follow_up: string };
  return (
    <CaseSection<Draft> {...props} name="summary" title={t('case.summary')}
      draftOf={(c) => ({ risk: c.risk, next_follow_up: c.next_follow_up ?? '' })}
      patchOf={(d) => ({ risk: d.risk, next_follow_up: d.next_follow_up || null })}
      view={(c) => (
        <dl class="details">
          <dt>{t('case.risk')}</dt><dd>{enumLabel(t, 'risk', c.risk)}</dd>
          <dt>{t('case.nextFollowUp')}</dt><dd><bdi dir="ltr">{c.next_follow_up || t('common.none')}</bdi></dd>
        </dl>
      )}
      editor={(d, set, errorsOf) => (
        <div class="grid">
          <Field id={sectionFieldId('summary', 'risk')} label={t('case.risk')} errors={errorsOf('risk')}>
            {(c) => (
              <select {...c} value={d.risk} onChange={(e) => set({ ...d, risk: e.currentTarget.value })}>
                {RISKS.map((r) => <option key={r} value={r}>{enumLabel(t, 'risk', r)}</option>)}
              </select>
            )}
          </Field>
          <Field id={sectionFieldId('summary', 'next_follow_up')} label={t('case.nextFollowUp')}
            errors={errorsOf('next_follow_up')}>
            {(c) => <input {...c} type="date" dir="ltr" value={d.next_follow_up}
              onInput={(e) => set({ ...d, next_follow_up: e.currentTarget.value })} />}
          </Field>
        </div>
      )} />
  );
}

export function IntakeSection(props: Props) {
  const { t } = useI18n();
  const required = t('check.required');
  return (
    <CaseSection<Intake> {...props} name="intake" title={t('case.intake')}
      draftOf={(c) => ({ identified_by: '', date: '', narrative: '', ...(c.intake ?? {}) })}
      patchOf={(d) => ({ intake: { ...d, narrative: d.narrative?.trim() ?? '' } })}
      check={(d) => {
        const problems: FieldError[] = [];
        if (!d.identified_by) problems.push({ field: 'intake.identified_by', reason: required });
        if (!d.date) problems.push({ field: 'intake.date', reason: required });
        return problems;
      }}
      view={(c) => (
        <dl class="details">
          <dt>{t('intake.identifiedBy')}</dt><dd>{enumLabel(t, 'identified', c.intake?.identified_by) || t('common.none')}</dd>
          <dt>{t('intake.date')}</dt><dd><bdi dir="ltr">{c.intake?.date || t('common.none')}</bdi></dd>
          <dt>{t('intake.narrative')}</dt>
          <dd class="prose">{c.intake?.narrative ? <bdi translate={false}>{c.intake.narrative}</bdi> : t('common.none')}</dd>
        </dl>
      )}
      editor={(d, set, errorsOf) => <IntakeFields idOf={idIn('intake')} value={d} onChange={set} errorsOf={errorsOf} />} />
  );
}

export function ConsentSection(props: Props) {
  const { t } = useI18n();
  return (
    <CaseSection<Consent> {...props} name="consent" title={t('case.consent')}
      draftOf={(c) => ({ registration: false, contact: false, share_with: [], share_fields: [], ...(c.consent ?? {}) })}
      patchOf={(d) => ({ consent: d })}
      view={(c) => <ConsentView consent={c.consent} />}
      editor={(d, set, errorsOf) => (
        <>
          <ConsentFields idPrefix={`sec-consent-${props.kase.id}`} value={d} onChange={set} />
          <div class="grid">
            <Field id={sectionFieldId('consent', 'consent.given_on')} label={t('consent.givenOn')}
              errors={errorsOf('consent.given_on')}>
              {(c) => <input {...c} type="date" dir="ltr" value={d.given_on ?? ''}
                onInput={(e) => set({ ...d, given_on: e.currentTarget.value || null })} />}
            </Field>
          </div>
        </>
      )} />
  );
}

export function AssessmentSection(props: Props) {
  const { t } = useI18n();
  return (
    <CaseSection<Assessment> {...props} name="assessment" title={t('case.assessment')}
      draftOf={(c) => ({ summary: '', needs: [], ...(c.assessment ?? {}) })}
      patchOf={(d) => ({ assessment: { summary: d.summary?.trim() ?? '', needs: d.needs ?? [] } })}
      view={(c) => (
        <dl class="details">
          <dt>{t('assessment.summary')}</dt>
          <dd class="prose">{c.assessment?.summary ? <bdi translate={false}>{c.assessment.summary}</bdi> : t('common.none')}</dd>
          <dt>{t('assessment.needs')}</dt>
          <dd>{(c.assessment?.needs ?? []).map((n) => enumLabel(t, 'need', n)).join(t('people.listSeparator')) || t('common.none')}</dd>
        </dl>
      )}
      editor={(d, set, errorsOf) => (
        <div class="stack">
          <Field id={sectionFieldId('assessment', 'assessment.summary')} label={t('assessment.summary')}
            errors={errorsOf('assessment.summary')}>
            {(c) => <textarea {...c} dir="auto" rows={5} value={d.summary ?? ''}
              onInput={(e) => set({ ...d, summary: e.currentTarget.value })} />}
          </Field>
          <fieldset id={sectionFieldId('assessment', 'assessment.needs')} tabIndex={-1}>
            <legend>{t('assessment.needs')}</legend>
            <div class="checks">
              {NEEDS.map((need) => (
                <label class="check" key={need}>
                  <input type="checkbox" checked={(d.needs ?? []).includes(need)}
                    onChange={(e) => {
                      const rest = (d.needs ?? []).filter((n) => n !== need);
                      set({ ...d, needs: e.currentTarget.checked ? [...rest, need] : rest });
                    }} />
                  {enumLabel(t, 'need', need)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      )} />
  );
}

export function PlanSection(props: Props) {
  const { t } = useI18n();
  return (
    <CaseSection<Plan> {...props} name="plan" title={t('case.plan')}
      draftOf={(c) => (c.plan?.goals?.length
        ? structuredClone(c.plan)
        : { goals: [{ goal: '', actions: [{ action: '', responsible: '', due: null, done: false }] }] })}
      patchOf={(d) => ({ plan: cleanPlan(d) })}
      check={(d) => checkPlan(d, t('check.required'))}
      view={(c, quickSave) => <PlanView plan={c.plan} onToggle={props.canEdit ? quickSave : undefined} />}
      editor={(d, set, errorsOf) => <PlanEditor idOf={idIn('plan')} value={d} onChange={set} errorsOf={errorsOf} />} />
  );
}

export function DetailsSection(props: Props) {
  const { t } = useI18n();
  const module = props.kase.module;
  return (
    <CaseSection<CaseDetails> {...props} name="details" title={t('case.details')}
      canEdit={props.canEdit && module !== 'mhpss' && module !== 'special_needs'}
      draftOf={(c) => ({ ...(c.details ?? {}) })}
      patchOf={(d) => ({ details: detailsPayload(module, d) })}
      view={(c) => <DetailsView module={c.module} details={c.details} />}
      editor={(d, set, errorsOf) => (
        <DetailsFields idPrefix="sec-details-details" module={module} value={d} onChange={set} errorsOf={errorsOf} />
      )} />
  );
}

export function ClosureSection(props: Props) {
  const { t } = useI18n();
  return (
    <CaseSection<{ reason: string }> {...props} name="closure" title={t('case.closure')}
      draftOf={(c) => ({ reason: c.closure?.reason ?? '' })}
      patchOf={(d) => ({ closure: { reason: d.reason.trim() } })}
      view={(c) => (
        <dl class="details">
          <dt>{t('closure.reason')}</dt>
          <dd class="prose">{c.closure?.reason ? <bdi translate={false}>{c.closure.reason}</bdi> : t('common.none')}</dd>
          {c.dates?.closure_requested && (
            <><dt>{t('closure.requested')}</dt><dd><When at={c.dates.closure_requested} /></dd></>
          )}
          {c.dates?.closed && (<><dt>{t('closure.closed')}</dt><dd><When at={c.dates.closed} /></dd></>)}
        </dl>
      )}
      editor={(d, set, errorsOf) => (
        <Field id={sectionFieldId('closure', 'closure.reason')} label={t('closure.reason')} errors={errorsOf('closure.reason')}>
          {(c) => <textarea {...c} dir="auto" rows={3} value={d.reason}
            onInput={(e) => set({ reason: e.currentTarget.value })} />}
        </Field>
      )} />
  );
}
