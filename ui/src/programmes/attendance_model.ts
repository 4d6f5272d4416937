// The attendance editor's state (every input as typed) and its wire shape: registered people
// with their sessions attended or scores, and counts of people not registered by sex × age
// group × population group. Server problems name `people[i]…` and `counts[i]…` by the order
// sent, so the order is kept to put each problem next to its input.
import type { FieldError } from '../api/client';
import { fullName } from '../common/format';
import type { Translate } from '../i18n/i18n';
import { isWhole } from './form_bits';
import { AGE_GROUPS, COUNT_SEXES, kSessionTypes, type Activity, type Attendance, type AttendanceInput } from './programmes_types';

export interface AttendeeDraft {
  person_id: number;
  name: string;
  name_latin: string;
  sex: string;
  birth_date: string;
  household_id: number | null;
  sessions: string;
  pre: string;
  post: string;
}

/** Counts as typed, by `group/sex/age` (see countKey). */
export type CountsDraft = Record<string, string>;

export interface AttendanceDraft { people: AttendeeDraft[]; counts: CountsDraft; groups: string[] }

export const countKey = (group: string, sex: string, age: string) => `${group}/${sex}/${age}`;

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function draftOf(a: Attendance): AttendanceDraft {
  const counts: CountsDraft = {};
  const groups: string[] = [];
  for (const c of a.counts ?? []) {
    counts[countKey(c.population_group, c.sex, c.age_group)] = String(c.count);
    if (!groups.includes(c.population_group)) groups.push(c.population_group);
  }
  const people = (a.people ?? []).map((p) => ({
    person_id: p.person.id, name: fullName(p.person), name_latin: p.person.name_latin ?? '', sex: p.person.sex ?? '',
    birth_date: p.person.birth_date ?? '', household_id: p.household_id ?? null,
    sessions: str(p.sessions_attended), pre: str(p.pre_score), post: str(p.post_score),
  }));
  return { people, counts, groups };
}

export function countedTotal(d: AttendanceDraft): number {
  let total = 0;
  for (const [key, value] of Object.entries(d.counts)) {
    if (d.groups.includes(key.split('/')[0]!) && isWhole(value, 1)) total += Number(value);
  }
  return total;
}

/** The count cells sent, in order: groups as shown, then sex, then age group; empty and 0 left out. */
export function countCells(d: AttendanceDraft): { key: string; group: string; sex: string; age: string; count: number }[] {
  const out = [];
  for (const group of d.groups) {
    for (const sex of COUNT_SEXES) {
      for (const age of AGE_GROUPS) {
        const key = countKey(group, sex, age);
        const text = (d.counts[key] ?? '').trim();
        if (text && isWhole(text, 1)) out.push({ key, group, sex, age, count: Number(text) });
      }
    }
  }
  return out;
}

/** Client checks; problems name the inputs by `people[i].x` (i = row) and count keys. */
export function checkAttendance(t: Translate, activity: Activity, d: AttendanceDraft): FieldError[] {
  const problems: FieldError[] = [];
  const sessions = kSessionTypes.includes(activity.type);
  d.people.forEach((p, i) => {
    if (sessions && p.sessions.trim() && !isWhole(p.sessions, 1, activity.sessions)) {
      problems.push({ field: `people[${i}].sessions_attended`, reason: t('attendance.sessionsRule', { max: activity.sessions }) });
    }
    if (activity.type === 'training') {
      for (const [field, text] of [['pre_score', p.pre], ['post_score', p.post]] as const) {
        if (text.trim() && !isWhole(text, 0, 100)) problems.push({ field: `people[${i}].${field}`, reason: t('attendance.scoreRule') });
      }
    }
  });
  for (const [key, text] of Object.entries(d.counts)) {
    if (d.groups.includes(key.split('/')[0]!) && text.trim() && !isWhole(text, 0)) {
      problems.push({ field: `count:${key}`, reason: t('check.wholeNumber') });
    }
  }
  return problems;
}

export function inputOf(activity: Activity, version: number, d: AttendanceDraft): AttendanceInput {
  const sessions = kSessionTypes.includes(activity.type);
  const training = activity.type === 'training';
  return {
    version,
    people: d.people.map((p) => ({
      person_id: p.person_id,
      ...(sessions && p.sessions.trim() ? { sessions_attended: Number(p.sessions) } : {}),
      ...(training && p.pre.trim() ? { pre_score: Number(p.pre) } : {}),
      ...(training && p.post.trim() ? { post_score: Number(p.post) } : {}),
    })),
    counts: countCells(d).map((c) => ({ sex: c.sex, age_group: c.age, population_group: c.group, count: c.count })),
  };
}

/** A server problem's path in the editor's own terms: `counts[i].x` → the count key of cell i sent. */
export function localPath(field: string, sent: { key: string }[]): string {
  const count = /^counts\[(\d+)\]/.exec(field);
  if (count) {
    const cell = sent[Number(count[1])];
    return cell ? `count:${cell.key}` : 'counts';
  }
  return field;
}
