// Add or edit a member of the staff and volunteer roster: office, staff or volunteer, name,
// sex, position, phone, languages spoken, skills, whether they can be deployed, active.
import { useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { Check } from '../common/check';
import { EditCard } from '../common/edit_card';
import { Field } from '../common/field';
import { SelectField } from '../common/select_field';
import { refusalOf, useSave } from '../common/use_save';
import { enumLabel, useI18n, type MessageKey } from '../i18n/i18n';
import { MultiCheck, StaleKept } from './form_bits';
import { localName } from './labels';
import { createStaff, getStaffMember, updateStaff } from './programmes_api';
import { COUNT_SEXES, STAFF_KINDS, STAFF_LANGUAGES, type Office, type StaffInput, type StaffMember } from './programmes_types';

const kLabels: Record<string, MessageKey> = {
  office_id: 'staff.office', office: 'staff.office', kind: 'staff.kind', name: 'staff.name', sex: 'staff.sex',
  position: 'staff.position', phone: 'staff.phone', languages: 'staff.languages', skills: 'staff.skills',
};
const kIds: Record<string, string> = { office: 'staff-office_id' };

function draftOf(m: StaffMember | null): StaffInput {
  if (!m) {
    return { office_id: null, kind: 'staff', name: '', sex: '', position: '', phone: '', languages: [], skills: '', deployable: false, active: true };
  }
  return {
    office_id: m.office?.id ?? null, kind: m.kind, name: m.name, sex: m.sex, position: m.position ?? '', phone: m.phone ?? '',
    languages: m.languages ?? [], skills: Array.isArray(m.skills) ? m.skills.join(', ') : m.skills ?? '',
    deployable: m.deployable, active: m.active,
  };
}

interface Props { member: StaffMember | null; offices: Office[]; onSaved: (m: StaffMember) => void; onCancel: () => void }

export function StaffForm({ member, offices, onSaved, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<StaffInput>(() => draftOf(member));
  const form = useSave(member?.version);
  const errorsOf = form.errorsOf;
  const set = (patch: Partial<StaffInput>) => setDraft((d) => ({ ...d, ...patch }));

  const check = (): FieldError[] => {
    const problems: FieldError[] = [];
    if (draft.office_id === null) problems.push({ field: 'office_id', reason: t('check.required') });
    if (!draft.name.trim()) problems.push({ field: 'name', reason: t('check.required') });
    if (draft.phone.trim() && !/^\+?\d{7,15}$/.test(draft.phone.trim().replace(/[\s-]/g, ''))) {
      problems.push({ field: 'phone', reason: t('check.phone') });
    }
    return problems;
  };

  const submit = (event: Event) => form.save(event, {
    check,
    send: async (version) => {
      const body = { ...draft, name: draft.name.trim(), position: draft.position.trim(), phone: draft.phone.trim(), skills: draft.skills.trim() };
      onSaved(member ? await updateStaff(member.id, { ...body, version }) : await createStaff(body));
    },
    refusal: (cause) => refusalOf(cause, t, lang, {}, !!member),
    latest: member ? () => getStaffMember(member.id) : undefined,
  });

  return (
    <EditCard id="staff-form" level={2} title={member ? t('staff.editTitle') : t('staff.addTitle')} name={member?.name}
      form={form} onSubmit={submit} idOf={(f) => kIds[f] ?? `staff-${f}`} labelOf={(f) => (kLabels[f] ? t(kLabels[f]!) : f)}
      staleAlert={form.stale && <StaleKept />} failure={form.failure} saveLabel={t('staff.save')} onCancel={onCancel}>
      <div class="grid">
        <SelectField id="staff-office_id" label={t('staff.office')} errors={errorsOf('office_id') ?? errorsOf('office')}
          value={draft.office_id === null ? '' : String(draft.office_id)} onChange={(value) => set({ office_id: value ? Number(value) : null })}>
          <option value="">{t('common.choose')}</option>
          {offices.map((o) => <option key={o.id} value={String(o.id)} translate={false}>{localName(lang, o)}</option>)}
        </SelectField>
        <SelectField id="staff-kind" label={t('staff.kind')} errors={errorsOf('kind')}
          value={draft.kind} onChange={(kind) => set({ kind })}>
          {STAFF_KINDS.map((k) => <option key={k} value={k}>{enumLabel(t, 'staffKind', k)}</option>)}
        </SelectField>
        <Field id="staff-name" label={t('staff.name')} errors={errorsOf('name')}>
          {(c) => <input {...c} dir="auto" value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
        </Field>
        <SelectField id="staff-sex" label={t('staff.sex')} errors={errorsOf('sex')}
          value={draft.sex} onChange={(sex) => set({ sex })}>
          <option value="">{t('staff.sexNotSaid')}</option>
          {COUNT_SEXES.map((s) => <option key={s} value={s}>{enumLabel(t, 'sex', s)}</option>)}
        </SelectField>
        <Field id="staff-position" label={`${t('staff.position')} ${t('common.optional')}`} errors={errorsOf('position')}>
          {(c) => <input {...c} dir="auto" value={draft.position} onInput={(e) => set({ position: e.currentTarget.value })} />}
        </Field>
        <Field id="staff-phone" label={`${t('staff.phone')} ${t('common.optional')}`} errors={errorsOf('phone')}>
          {(c) => <input {...c} type="tel" dir="ltr" value={draft.phone} onInput={(e) => set({ phone: e.currentTarget.value })} />}
        </Field>
        <Field id="staff-skills" class="field-wide" label={`${t('staff.skills')} ${t('common.optional')}`} errors={errorsOf('skills')}>
          {(c) => <input {...c} dir="auto" value={draft.skills} onInput={(e) => set({ skills: e.currentTarget.value })} />}
        </Field>
      </div>
      <MultiCheck id="staff-languages" legend={t('staff.languages')} options={STAFF_LANGUAGES} value={draft.languages}
        labelOf={(l) => enumLabel(t, 'language', l)} onChange={(languages) => set({ languages })} errors={errorsOf('languages')} />
      <Check label={t('staff.deployableLabel')} checked={draft.deployable} onChange={(on) => set({ deployable: on })} />
      <Check label={t('staff.activeLabel')} checked={draft.active} onChange={(on) => set({ active: on })} />
    </EditCard>
  );
}
