// One member of the household form: names, sex, birth date, relationship, phone, documents and
// the Washington Group questions. Name inputs are dir="auto" so Arabic is typed right to left.
import { DOCUMENT_TYPES, RELATIONSHIPS, SEXES, WG_ANSWERS, WG_DOMAINS } from '../api/types';
import { Field } from '../common/field';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { fieldId, newKey, type ErrorMap, type MemberDraft } from './form_model';

interface Props {
  index: number;
  member: MemberDraft;
  errors: ErrorMap;
  canRemove: boolean;
  onChange: (member: MemberDraft) => void;
  onRemove: () => void;
}

type TextKey = 'given_name' | 'father_name' | 'grandfather_name' | 'family_name';
const kNameFields: [TextKey, MessageKey][] = [
  ['given_name', 'form.givenName'],
  ['father_name', 'form.fatherName'],
  ['grandfather_name', 'form.grandfatherName'],
  ['family_name', 'form.familyName'],
];

export function MemberFieldset({ index, member, errors, canRemove, onChange, onRemove }: Props) {
  const { t } = useI18n();
  const path = (field: string) => `members[${index}].${field}`;
  const set = (patch: Partial<MemberDraft>) => onChange({ ...member, ...patch });
  const n = index + 1;
  const memberErrors = errors.get(`members[${index}]`);
  const wgOpen = WG_DOMAINS.some((d) => member.disability[d] || errors.has(path(`disability.${d}`)));

  return (
    <fieldset class="member" id={fieldId(`members[${index}]`)} tabIndex={-1}>
      <legend>{t('form.member', { n })}</legend>
      {memberErrors && <p class="field-error">{memberErrors.join(' ')}</p>}
      <div class="grid">
        {kNameFields.map(([key, label]) => (
          <Field key={key} id={fieldId(path(key))} label={t(label)}
            errors={errors.get(path(key))}>
            {(control) => (
              <input {...control} dir="auto" autoComplete="off" required={key === 'given_name'}
                value={member[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} />
            )}
          </Field>
        ))}
        <Field id={fieldId(path('name_latin'))} label={t('form.nameLatin')} errors={errors.get(path('name_latin'))}
          class="field-wide">
          {(control) => (
            <input {...control} dir="ltr" lang="en" autoComplete="off" value={member.name_latin}
              onInput={(e) => set({ name_latin: e.currentTarget.value })} />
          )}
        </Field>
        <Field id={fieldId(path('sex'))} label={t('form.sex')} errors={errors.get(path('sex'))}>
          {(control) => (
            <select {...control} required value={member.sex} onChange={(e) => set({ sex: e.currentTarget.value })}>
              <option value="">{t('common.choose')}</option>
              {SEXES.map((s) => <option key={s} value={s}>{t(`sex.${s}`)}</option>)}
            </select>
          )}
        </Field>
        <Field id={fieldId(path('birth_date'))} label={t('form.birthDate')} hint={t('form.birthDateHint')}
          errors={errors.get(path('birth_date'))}>
          {(control) => (
            <input {...control} dir="ltr" autoComplete="off" value={member.birth_date}
              onInput={(e) => set({ birth_date: e.currentTarget.value })} />
          )}
        </Field>
        <Field id={fieldId(path('relationship'))} label={t('form.relationship')}
          errors={errors.get(path('relationship'))}>
          {(control) => (
            <select {...control} required value={member.relationship}
              onChange={(e) => set({ relationship: e.currentTarget.value })}>
              <option value="">{t('common.choose')}</option>
              {RELATIONSHIPS.map((r) => <option key={r} value={r}>{t(`rel.${r}`)}</option>)}
            </select>
          )}
        </Field>
        <Field id={fieldId(path('phone'))} label={t('form.memberPhone')} errors={errors.get(path('phone'))}>
          {(control) => (
            <input {...control} type="tel" dir="ltr" autoComplete="off" value={member.phone}
              onInput={(e) => set({ phone: e.currentTarget.value })} />
          )}
        </Field>
      </div>

      <Documents index={index} member={member} errors={errors} onChange={onChange} />

      <details class="wg" id={fieldId(path('disability'))} open={wgOpen}>
        <summary>{t('form.disability')}</summary>
        <div class="grid">
          {WG_DOMAINS.map((domain) => (
            <Field key={domain} id={fieldId(path(`disability.${domain}`))} label={t(`wg.${domain}`)}
              errors={errors.get(path(`disability.${domain}`))}>
              {(control) => (
                <select {...control} value={member.disability[domain]}
                  onChange={(e) => set({ disability: { ...member.disability, [domain]: e.currentTarget.value } })}>
                  <option value="">{t('wg.notAsked')}</option>
                  {WG_ANSWERS.map((a) => <option key={a} value={a}>{t(`wg.${a}`)}</option>)}
                </select>
              )}
            </Field>
          ))}
        </div>
      </details>

      <div class="actions">
        <button type="button" class="button danger-outline" disabled={!canRemove} onClick={onRemove}>
          {t('form.removeMember', { n })}
        </button>
      </div>
    </fieldset>
  );
}

function Documents({ index, member, errors, onChange }: Omit<Props, 'canRemove' | 'onRemove'>) {
  const { t } = useI18n();
  const setDocs = (documents: MemberDraft['documents']) => onChange({ ...member, documents });
  const path = (j: number, field: string) => `members[${index}].documents[${j}].${field}`;
  return (
    <div class="documents">
      <h3>{t('form.documents')}</h3>
      {member.documents.map((doc, j) => (
        <fieldset key={doc.key} class="document">
          <legend>{t('form.document', { n: j + 1 })}</legend>
          <div class="grid">
            <Field id={fieldId(path(j, 'type'))} label={t('form.docType')} errors={errors.get(path(j, 'type'))}>
              {(control) => (
                <select {...control} value={doc.type}
                  onChange={(e) => setDocs(member.documents.map((d) => d.key === doc.key ? { ...d, type: e.currentTarget.value } : d))}>
                  <option value="">{t('common.choose')}</option>
                  {DOCUMENT_TYPES.map((type) => <option key={type} value={type}>{t(`doc.${type}`)}</option>)}
                </select>
              )}
            </Field>
            <Field id={fieldId(path(j, 'number'))} label={t('form.docNumber')} errors={errors.get(path(j, 'number'))}>
              {(control) => (
                <input {...control} dir="ltr" autoComplete="off" value={doc.number}
                  onInput={(e) => setDocs(member.documents.map((d) => d.key === doc.key ? { ...d, number: e.currentTarget.value } : d))} />
              )}
            </Field>
          </div>
          <button type="button" class="button danger-outline"
            onClick={() => setDocs(member.documents.filter((d) => d.key !== doc.key))}>
            {t('form.removeDocument', { n: j + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" class="button"
        onClick={() => setDocs([...member.documents, { key: newKey(), type: 'national_id', number: '' }])}>
        {t('form.addDocument')}
      </button>
    </div>
  );
}
