// The register / edit form's state, its conversion to and from the API's household, and the
// client-side checks. Errors use the server's field paths (`members[1].birth_date`) so client
// and server problems are shown by the same code next to the same inputs.
import type { FieldError } from '../api/client';
import { WG_DOMAINS, type Household, type Member, type Place, type WgDomain } from '../api/types';
import type { Translate } from '../i18n/i18n';
import { mostSpecific, pcodesByLevel } from './places';

export interface DocumentDraft { key: number; type: string; number: string }

export interface MemberDraft {
  key: number;
  id?: number;
  given_name: string;
  father_name: string;
  grandfather_name: string;
  family_name: string;
  name_latin: string;
  sex: string;
  birth_date: string;
  relationship: string;
  phone: string;
  documents: DocumentDraft[];
  disability: Record<WgDomain, string>;
}

export interface HouseholdDraft {
  displacement_status: string;
  location: string[]; // governorate, district, subdistrict pcodes
  site: string;
  origin: string[]; // governorate, district pcodes
  phone: string;
  members: MemberDraft[];
}

export const kLocationLevels = 3;
export const kOriginLevels = 2;
export const kMaxMembers = 50;
const kMaxNamePart = 100;
const kMaxLatinName = 200;
const kMaxDocNumber = 40;

let nextKey = 1;
export function newKey(): number {
  return nextKey++;
}

export function emptyMember(relationship = ''): MemberDraft {
  const disability = Object.fromEntries(WG_DOMAINS.map((d) => [d, ''])) as Record<WgDomain, string>;
  return {
    key: newKey(), given_name: '', father_name: '', grandfather_name: '', family_name: '',
    name_latin: '', sex: '', birth_date: '', relationship, phone: '', documents: [], disability,
  };
}

export function emptyDraft(): HouseholdDraft {
  return {
    displacement_status: '', location: ['', '', ''], site: '', origin: ['', ''], phone: '',
    members: [emptyMember('head')],
  };
}

export function draftFromHousehold(household: Household, locationPath: Place[], originPath: Place[]): HouseholdDraft {
  return {
    displacement_status: household.displacement_status,
    location: pcodesByLevel(locationPath, kLocationLevels),
    site: household.location.site ?? '',
    origin: pcodesByLevel(originPath, kOriginLevels),
    phone: household.phone ?? '',
    members: household.members.map(memberDraft),
  };
}

function memberDraft(member: Member): MemberDraft {
  const draft = emptyMember(member.relationship);
  for (const d of WG_DOMAINS) draft.disability[d] = member.disability?.[d] ?? '';
  return {
    ...draft,
    ...(member.id !== undefined ? { id: member.id } : {}),
    given_name: member.given_name ?? '',
    father_name: member.father_name ?? '',
    grandfather_name: member.grandfather_name ?? '',
    family_name: member.family_name ?? '',
    name_latin: member.name_latin ?? '',
    sex: member.sex ?? '',
    birth_date: member.birth_date ?? '',
    phone: member.phone ?? '',
    documents: (member.documents ?? []).map((d) => ({ key: newKey(), type: d.type, number: d.number })),
  };
}

/** The JSON body for POST, or for PATCH when `version` is given. Empty optional fields are left out. */
export function toPayload(draft: HouseholdDraft, version?: number): Record<string, unknown> {
  const originPcode = mostSpecific(draft.origin);
  const body: Record<string, unknown> = {
    displacement_status: draft.displacement_status,
    location: { pcode: mostSpecific(draft.location), ...optional('site', draft.site) },
    members: draft.members.map(memberPayload),
  };
  if (originPcode) body.origin = { pcode: originPcode };
  else if (version !== undefined) body.origin = null;
  if (draft.phone.trim() || version !== undefined) body.phone = draft.phone.trim();
  if (version !== undefined) body.version = version;
  return body;
}

function memberPayload(m: MemberDraft): Record<string, unknown> {
  const disability = Object.fromEntries(WG_DOMAINS.filter((d) => m.disability[d]).map((d) => [d, m.disability[d]]));
  return {
    ...(m.id !== undefined ? { id: m.id } : {}),
    given_name: m.given_name.trim(),
    ...optional('father_name', m.father_name),
    ...optional('grandfather_name', m.grandfather_name),
    ...optional('family_name', m.family_name),
    ...optional('name_latin', m.name_latin),
    sex: m.sex,
    ...optional('birth_date', m.birth_date),
    relationship: m.relationship,
    ...optional('phone', m.phone),
    ...(m.documents.length ? { documents: m.documents.map((d) => ({ type: d.type, number: d.number.trim() })) } : {}),
    ...(Object.keys(disability).length ? { disability } : {}),
  };
}

function optional(key: string, value: string): Record<string, string> {
  const trimmed = value.trim();
  return trimmed ? { [key]: trimmed } : {};
}

const kPhone = /^\+?\d{7,15}$/;
const kDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isValidPartialDate(text: string): boolean {
  const match = kDate.exec(text);
  if (!match) return false;
  const month = match[2] ? Number(match[2]) : 1;
  const day = match[3] ? Number(match[3]) : 1;
  if (month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

export function isValidPhone(text: string): boolean {
  return kPhone.test(text.replace(/[\s-]/g, ''));
}

/**
 * Obvious problems only; the server has the final word (a date in the future, for instance,
 * is left to the server's clock).
 */
export function check(draft: HouseholdDraft, t: Translate): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, reason: string) => errors.push({ field, reason });
  if (!draft.displacement_status) add('displacement_status', t('check.required'));
  if (!mostSpecific(draft.location)) add('location.pcode', t('check.required'));
  if (draft.phone.trim() && !isValidPhone(draft.phone)) add('phone', t('check.phone'));
  if (draft.members.length < 1 || draft.members.length > kMaxMembers) add('members', t('check.members'));
  if (draft.members.filter((m) => m.relationship === 'head').length !== 1) add('members', t('check.oneHead'));
  draft.members.forEach((m, i) => {
    const at = (field: string) => `members[${i}].${field}`;
    if (!m.given_name.trim()) add(at('given_name'), t('check.required'));
    for (const part of ['given_name', 'father_name', 'grandfather_name', 'family_name'] as const) {
      if (m[part].trim().length > kMaxNamePart) add(at(part), t('check.tooLong', { max: kMaxNamePart }));
    }
    if (m.name_latin.trim().length > kMaxLatinName) add(at('name_latin'), t('check.tooLong', { max: kMaxLatinName }));
    if (!m.sex) add(at('sex'), t('check.required'));
    if (!m.relationship) add(at('relationship'), t('check.required'));
    if (m.birth_date.trim() && !isValidPartialDate(m.birth_date.trim())) add(at('birth_date'), t('check.date'));
    if (m.phone.trim() && !isValidPhone(m.phone)) add(at('phone'), t('check.phone'));
    m.documents.forEach((d, j) => {
      if (!d.type) add(at(`documents[${j}].type`), t('check.required'));
      if (!d.number.trim()) add(at(`documents[${j}].number`), t('check.required'));
      else if (d.number.trim().length > kMaxDocNumber) add(at(`documents[${j}].number`), t('check.tooLong', { max: kMaxDocNumber }));
    });
  });
  return errors;
}

/** Server paths name whole objects sometimes (`location`); point those at their first input. */
export function canonicalPath(field: string): string {
  if (field === 'location') return 'location.pcode';
  if (field === 'origin') return 'origin.pcode';
  return field;
}

/** The DOM id of the input for a field path: `members[1].birth_date` → `f-members-1-birth_date`. */
export function fieldId(path: string): string {
  return 'f-' + canonicalPath(path).replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '');
}

export type ErrorMap = Map<string, string[]>;

export function errorMap(errors: FieldError[]): ErrorMap {
  const map: ErrorMap = new Map();
  for (const error of errors) {
    const path = canonicalPath(error.field);
    map.set(path, [...(map.get(path) ?? []), error.reason]);
  }
  return map;
}
