// Human labels for the API's field paths (`members[1].birth_date` → "Member 2, Birth date") and
// for the values at those paths, used by the form's error summary and by change history.
import { isMessageKey, enumLabel, type Translate } from '../i18n/i18n';
import { canonicalPath } from './form_model';

const kTopLabels: Record<string, Parameters<Translate>[0]> = {
  version: 'form.version',
  modules: 'admin.modules',
  displacement_status: 'household.status',
  'location.pcode': 'form.location',
  'location.site': 'form.site',
  'origin.pcode': 'form.origin',
  phone: 'form.phone',
  members: 'form.members',
  // Users and organisations, as they appear in the audit log.
  username: 'admin.username',
  role: 'admin.role',
  disabled: 'admin.disabled',
  password: 'admin.password',
  name: 'common.name',
};

const kMemberLabels: Record<string, Parameters<Translate>[0]> = {
  given_name: 'form.givenName',
  father_name: 'form.fatherName',
  grandfather_name: 'form.grandfatherName',
  family_name: 'form.familyName',
  name_latin: 'form.nameLatin',
  sex: 'form.sex',
  birth_date: 'form.birthDate',
  relationship: 'form.relationship',
  phone: 'form.memberPhone',
  documents: 'form.documents',
  disability: 'form.disability',
};

/** "Member 2, Birth date" for `members[1].birth_date`; the raw path when it is not known. */
export function pathLabel(t: Translate, field: string): string {
  const path = canonicalPath(field);
  const top = kTopLabels[path];
  if (top) return t(top);
  const member = /^members\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (!member) return path;
  const n = Number(member[1]) + 1;
  const rest = member[2];
  if (!rest) return t('form.member', { n });
  const doc = /^documents\[(\d+)\](?:\.(type|number))?$/.exec(rest);
  if (doc) {
    const what = doc[2] === 'type' ? t('form.docType') : doc[2] === 'number' ? t('form.docNumber') : '';
    const label = `${t('form.document', { n: Number(doc[1]) + 1 })}${what ? ` – ${what}` : ''}`;
    return t('form.memberField', { n, field: label });
  }
  const wg = /^disability\.(\w+)$/.exec(rest);
  const wgKey = wg ? `wg.${wg[1]}` : '';
  if (wg && isMessageKey(wgKey)) return t('form.memberField', { n, field: t(wgKey) });
  const key = kMemberLabels[rest];
  return t('form.memberField', { n, field: key ? t(key) : rest });
}


/** Which enum a field path holds, for translating its values; null for free text. */
function enumPrefix(field: string): string | null {
  if (field === 'displacement_status') return 'status';
  if (field === 'role') return 'role';
  if (/\.sex$/.test(field)) return 'sex';
  if (/\.relationship$/.test(field)) return 'rel';
  if (/\.documents\[\d+\]\.type$/.test(field)) return 'doc';
  if (/\.disability\.\w+$/.test(field)) return 'wg';
  return null;
}

/** The value shown for a field in history: enum values translated, other values as stored. */
export function valueLabel(t: Translate, field: string, value: unknown): { text: string; data: boolean } {
  if (value === null || value === undefined || value === '') return { text: t('common.none'), data: false };
  const prefix = enumPrefix(field);
  if (prefix && typeof value === 'string') return { text: enumLabel(t, prefix, value), data: false };
  if (field === 'disabled') return { text: value === true || value === 'true' ? t('common.yes') : t('common.no'), data: false };
  if (field === 'password') return { text: t('admin.passwordChanged'), data: false };
  // A user's modules as the audit log keeps them: ",gbv,mhpss,".
  if (field === 'modules' && typeof value === 'string') {
    const names = value.split(',').filter(Boolean).map((m) => enumLabel(t, 'module', m));
    return { text: names.join(t('people.listSeparator')) || t('common.none'), data: false };
  }
  if (typeof value === 'string') return { text: value, data: true };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), data: true };
  return { text: JSON.stringify(value), data: true };
}

const kServerReasons: [RegExp, Parameters<Translate>[0]][] = [
  [/^is required$/, 'check.required'],
  [/^is in the future$/, 'check.future'],
  [/^is not a known P-code$/, 'check.unknownPlace'],
  [/phone number/, 'check.phone'],
  [/head of household/, 'check.oneHead'],
  [/members/, 'check.members'],
  [/^must be (YYYY|a date)/, 'check.date'],
  [/^must have at least 8 characters$/, 'check.password'],
  [/^may contain only Latin letters/, 'check.username'],
];

/**
 * The server's validation reason in the interface language. The server writes English; in
 * English it is shown as sent, otherwise the known reasons are translated and the rest kept.
 */
export function reasonText(t: Translate, lang: string, reason: string): string {
  if (lang === 'en') return reason;
  const longer = /^is longer than (\d+)/.exec(reason);
  if (longer) return t('check.tooLong', { max: Number(longer[1]) });
  const known = kServerReasons.find(([pattern]) => pattern.test(reason));
  return known ? t(known[1]) : reason;
}
