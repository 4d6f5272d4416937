// The activity form's state (every input as typed), its checks and its wire shape. The fields
// of a type are sent only for that type: sessions for classes and groups, units of a kind for
// rehabilitation, the trainees' organisation for trainings (docs/programmes.md).
import type { FieldError } from '../api/client';
import type { Translate } from '../i18n/i18n';
import { isWhole } from './form_bits';
import { kSessionTypes, type Activity, type ActivityInput } from './programmes_types';

export interface ActivityDraft {
  type: string;
  sector: string;
  title: string;
  project_id: string;
  office_id: string;
  place: string[];
  site: string;
  starts_on: string;
  ends_on: string;
  status: string;
  facilitator: string;
  sessions: string;
  units: string;
  unit_kind: string;
  trainee_organisation: string;
  note: string;
}

export const blankActivity: ActivityDraft = {
  type: 'awareness_session', sector: '', title: '', project_id: '', office_id: '', place: ['', '', ''], site: '',
  starts_on: '', ends_on: '', status: 'done', facilitator: '', sessions: '1', units: '', unit_kind: 'house',
  trainee_organisation: '', note: '',
};

export function draftOf(a: Activity): ActivityDraft {
  return {
    type: a.type, sector: a.sector, title: a.title, project_id: a.project ? String(a.project.id) : '',
    office_id: a.office ? String(a.office.id) : '', place: [a.pcode ?? '', '', ''], site: a.site ?? '',
    starts_on: a.starts_on ?? '', ends_on: a.ends_on ?? '', status: a.status, facilitator: a.facilitator ?? '',
    sessions: String(a.sessions || 1), units: a.units ? String(a.units) : '', unit_kind: a.unit_kind || 'house',
    trainee_organisation: a.trainee_organisation ?? '', note: a.note ?? '',
  };
}

export const usesSessions = (type: string) => kSessionTypes.includes(type);

export function checkActivity(t: Translate, d: ActivityDraft, pcode: string): FieldError[] {
  const problems: FieldError[] = [];
  const need = (field: string, ok: boolean) => {
    if (!ok) problems.push({ field, reason: t('check.required') });
  };
  need('title', !!d.title.trim());
  need('sector', !!d.sector);
  need('pcode', !!pcode);
  need('starts_on', !!d.starts_on);
  if (d.starts_on && d.ends_on && d.ends_on < d.starts_on) problems.push({ field: 'ends_on', reason: t('prog.endsBeforeStart') });
  if (usesSessions(d.type) && !isWhole(d.sessions, 1, 1000)) problems.push({ field: 'sessions', reason: t('check.wholePositive') });
  if (d.type === 'rehabilitation' && !isWhole(d.units, 1)) problems.push({ field: 'units', reason: t('check.wholePositive') });
  return problems;
}

/** The wire shape; `previous` (when editing) clears fields its old type had and the new one has not. */
export function inputOf(d: ActivityDraft, pcode: string, previous: Activity | null): ActivityInput {
  const input: ActivityInput = {
    type: d.type, sector: d.sector, title: d.title.trim(), project_id: d.project_id ? Number(d.project_id) : null,
    office_id: d.office_id ? Number(d.office_id) : null, pcode, site: d.site.trim(), starts_on: d.starts_on,
    ends_on: d.ends_on || null, status: d.status, facilitator: d.facilitator.trim(), note: d.note.trim(),
  };
  if (usesSessions(d.type)) input.sessions = Number(d.sessions);
  else if (previous && previous.sessions > 1) input.sessions = 1;
  if (d.type === 'rehabilitation') {
    input.units = Number(d.units);
    input.unit_kind = d.unit_kind;
  } else if (previous?.units || previous?.unit_kind) {
    input.units = 0;
    input.unit_kind = '';
  }
  if (d.type === 'training') input.trainee_organisation = d.trainee_organisation.trim();
  else if (previous?.trainee_organisation) input.trainee_organisation = '';
  return input;
}

const kIds: Record<string, string> = { pcode: 'activity-gov', project_id: 'activity-project', office_id: 'activity-office', project: 'activity-project', office: 'activity-office' };

export function idOf(field: string): string {
  return kIds[field] ?? `activity-${field}`;
}
