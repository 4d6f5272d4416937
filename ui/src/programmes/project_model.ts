// The project form's state (every input as typed), its checks, and its conversion to and from
// the wire shape. Server problems name fields such as `sectors` or `ends_on`.
import type { FieldError } from '../api/client';
import type { Translate } from '../i18n/i18n';
import { parseAmount } from './money';
import type { Project, ProjectBasics, ProjectInput } from './programmes_types';

export interface ProjectDraft extends ProjectBasics {
  ends_on: string;
  office_id: string;
  places: string[];
  currency: string;
  budget: string;
  public: boolean;
}

export const blankProject: ProjectDraft = {
  code: '', name: '', name_ar: '', description: '', donor: '', sectors: [], status: 'planned', starts_on: '',
  ends_on: '', office_id: '', places: [], currency: 'USD', budget: '', public: false,
};

export function draftOf(p: Project): ProjectDraft {
  return {
    code: p.code, name: p.name, name_ar: p.name_ar ?? '', description: p.description ?? '', donor: p.donor ?? '',
    sectors: p.sectors ?? [], status: p.status, starts_on: p.starts_on ?? '', ends_on: p.ends_on ?? '',
    office_id: p.office ? String(p.office.id) : '', places: (p.places ?? []).map((x) => x.pcode ?? '').filter(Boolean),
    currency: p.currency, budget: String(p.budget ?? ''), public: !!p.public,
  };
}

const kCode = /^[A-Za-z0-9\-_./]{1,32}$/;

export function checkProject(t: Translate, d: ProjectDraft): FieldError[] {
  const problems: FieldError[] = [];
  const need = (field: keyof ProjectDraft, ok: boolean) => {
    if (!ok) problems.push({ field, reason: t('check.required') });
  };
  need('code', !!d.code.trim());
  if (d.code.trim() && !kCode.test(d.code.trim())) problems.push({ field: 'code', reason: t('project.codeRule') });
  need('name', !!d.name.trim());
  if (d.sectors.length === 0) problems.push({ field: 'sectors', reason: t('project.sectorsRule') });
  need('starts_on', !!d.starts_on);
  if (d.starts_on && d.ends_on && d.ends_on < d.starts_on) problems.push({ field: 'ends_on', reason: t('prog.endsBeforeStart') });
  const budget = parseAmount(d.budget || '0', d.currency);
  if (!budget.ok) problems.push({ field: 'budget', reason: t(budget.problem === 'decimals' ? 'prog.tooManyDecimals' : 'prog.amountRule') });
  return problems;
}

export function inputOf(d: ProjectDraft): ProjectInput {
  const budget = parseAmount(d.budget || '0', d.currency);
  return {
    code: d.code.trim(), name: d.name.trim(), name_ar: d.name_ar.trim(), description: d.description.trim(),
    donor: d.donor.trim(), sectors: d.sectors, status: d.status, starts_on: d.starts_on, ends_on: d.ends_on || null,
    office_id: d.office_id ? Number(d.office_id) : null, places: d.places, currency: d.currency,
    budget: budget.ok ? budget.value : 0, public: d.public,
  };
}

const kIds: Record<string, string> = { office_id: 'project-office', places: 'project-places', pcodes: 'project-places', office: 'project-office' };

export function idOf(field: string): string {
  const top = field.replace(/[.[].*$/, '');
  return kIds[top] ?? `project-${top}`;
}
