// The round form's state (every input as typed) and its conversion to and from the wire shape,
// with the client's own checks. Server problems name paths like `basket[1].quantity`; idOf and
// labelOf turn them into the control's id and a label in the interface language.
import type { FieldError } from '../api/client';
import type { Translate } from '../i18n/i18n';
import type { Criteria, Round, RoundInput } from './assistance_types';

export interface LineDraft { item_id: string; quantity: string; per_member: boolean; max_quantity: string }

export interface RoundDraft {
  name: string;
  kind: string;
  project: string;
  site: string;
  place: string[];
  warehouse_id: string;
  starts_on: string;
  ends_on: string;
  basket: LineDraft[];
  cash: { amount: string; currency: string; per_member: boolean; max_amount: string; mechanism: string };
  statuses: string[];
  critPlace: string[];
  min_size: string;
  max_size: string;
  female_headed: boolean;
  disability: boolean;
  elderly: boolean;
  child_under_5: boolean;
  not_assisted_days: string;
  max_households: string;
}

export const blankLine: LineDraft = { item_id: '', quantity: '1', per_member: false, max_quantity: '' };

export const blankRound: RoundDraft = {
  name: '', kind: 'in_kind', project: '', site: '', place: ['', '', ''], warehouse_id: '', starts_on: '', ends_on: '',
  basket: [{ ...blankLine }],
  cash: { amount: '', currency: 'IQD', per_member: false, max_amount: '', mechanism: 'mobile_money' },
  statuses: [], critPlace: ['', '', ''], min_size: '', max_size: '', female_headed: false, disability: false,
  elderly: false, child_under_5: false, not_assisted_days: '', max_households: '',
};

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A saved round as a draft; the place cascades are filled in once their paths load. */
export function draftOf(r: Round): RoundDraft {
  const c: Criteria = r.criteria ?? {};
  return {
    name: r.name, kind: r.kind, project: r.project ?? '', site: r.site ?? '', place: [r.pcode ?? '', '', ''],
    warehouse_id: r.warehouse ? String(r.warehouse.id) : '', starts_on: r.starts_on ?? '', ends_on: r.ends_on ?? '',
    basket: r.basket.length
      ? r.basket.map((l) => ({ item_id: String(l.item.id), quantity: String(l.quantity), per_member: l.per_member, max_quantity: str(l.max_quantity) }))
      : [{ ...blankLine }],
    cash: r.cash
      ? { amount: String(r.cash.amount), currency: r.cash.currency, per_member: r.cash.per_member, max_amount: str(r.cash.max_amount), mechanism: r.cash.mechanism }
      : blankRound.cash,
    statuses: c.displacement_status ?? [], critPlace: [c.pcode ?? '', '', ''],
    min_size: str(c.min_size), max_size: str(c.max_size), female_headed: !!c.female_headed, disability: !!c.disability,
    elderly: !!c.elderly, child_under_5: !!c.child_under_5, not_assisted_days: str(c.not_assisted_days),
    max_households: str(c.max_households),
  };
}

function mostSpecific(values: string[]): string {
  for (let i = values.length - 1; i >= 0; i--) if (values[i]) return values[i]!;
  return '';
}

const intOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

export function inputOf(d: RoundDraft): RoundInput {
  const cash = d.kind === 'cash';
  return {
    name: d.name.trim(), kind: d.kind, project: d.project.trim(), site: d.site.trim(), pcode: mostSpecific(d.place),
    warehouse_id: cash || !d.warehouse_id ? null : Number(d.warehouse_id),
    starts_on: d.starts_on, ends_on: d.ends_on || d.starts_on,
    basket: cash ? [] : d.basket.map((l) => ({
      item_id: Number(l.item_id), quantity: Number(l.quantity), per_member: l.per_member,
      max_quantity: l.per_member ? intOrNull(l.max_quantity) : null,
    })),
    cash: cash ? {
      amount: Number(d.cash.amount), currency: d.cash.currency, per_member: d.cash.per_member,
      max_amount: d.cash.per_member ? intOrNull(d.cash.max_amount) : null, mechanism: d.cash.mechanism,
    } : null,
    criteria: {
      displacement_status: d.statuses, pcode: mostSpecific(d.critPlace) || null,
      min_size: intOrNull(d.min_size), max_size: intOrNull(d.max_size), female_headed: d.female_headed,
      disability: d.disability, elderly: d.elderly, child_under_5: d.child_under_5,
      not_assisted_days: intOrNull(d.not_assisted_days), max_households: intOrNull(d.max_households),
    },
  };
}

const positive = (s: string) => /^\d+$/.test(s.trim()) && Number(s) > 0;

/** What the form checks before sending: required fields and whole positive quantities. */
export function checkDraft(t: Translate, d: RoundDraft): FieldError[] {
  const problems: FieldError[] = [];
  const required = t('check.required');
  if (!d.name.trim()) problems.push({ field: 'name', reason: required });
  if (!mostSpecific(d.place)) problems.push({ field: 'pcode', reason: required });
  if (!d.starts_on) problems.push({ field: 'starts_on', reason: required });
  if (d.ends_on && d.starts_on && d.ends_on < d.starts_on) problems.push({ field: 'ends_on', reason: t('round.endsBeforeStart') });
  if (d.kind === 'cash') {
    if (!(Number(d.cash.amount) > 0)) problems.push({ field: 'cash.amount', reason: t('check.positive') });
  } else {
    if (!d.warehouse_id) problems.push({ field: 'warehouse_id', reason: required });
    d.basket.forEach((l, i) => {
      if (!l.item_id) problems.push({ field: `basket[${i}].item_id`, reason: required });
      if (!positive(l.quantity)) problems.push({ field: `basket[${i}].quantity`, reason: t('check.wholePositive') });
      if (l.per_member && l.max_quantity.trim() && !positive(l.max_quantity)) {
        problems.push({ field: `basket[${i}].max_quantity`, reason: t('check.wholePositive') });
      }
    });
    if (d.basket.length === 0) problems.push({ field: 'basket', reason: t('round.basketEmpty') });
  }
  return problems;
}

/** The id of the control of a field path. */
export function idOf(field: string): string {
  const line = /^basket\[(\d+)\]\.(\w+)$/.exec(field);
  if (line) return `round-basket-${line[1]}-${line[2] === 'item_id' || line[2] === 'item' ? 'item' : line[2]}`;
  if (field === 'pcode') return 'round-gov';
  if (field === 'criteria.pcode') return 'round-crit-gov';
  if (field === 'kind') return 'round-kind';
  if (field.startsWith('criteria.displacement_status')) return 'round-statuses';
  return `round-${field.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;
}

const kLabels: Record<string, Parameters<Translate>[0]> = {
  name: 'round.name', kind: 'round.kind', project: 'round.project', site: 'round.site', pcode: 'round.place',
  warehouse_id: 'round.warehouse', starts_on: 'round.startsOn', ends_on: 'round.endsOn', basket: 'round.basket',
  'cash.amount': 'round.amount', 'cash.currency': 'round.currency', 'cash.max_amount': 'round.maxAmount',
  'cash.mechanism': 'round.mechanism', 'criteria.pcode': 'round.critPlace', 'criteria.min_size': 'round.minSize',
  'criteria.max_size': 'round.maxSize', 'criteria.not_assisted_days': 'round.notAssistedDays',
  'criteria.max_households': 'round.maxHouseholds', 'criteria.displacement_status': 'round.statuses',
  item_id: 'round.item', item: 'round.item', quantity: 'round.quantity', max_quantity: 'round.maxQuantity',
};

export function labelOf(t: Translate, field: string): string {
  const line = /^basket\[(\d+)\]\.(\w+)$/.exec(field);
  if (line) {
    const key = kLabels[line[2]!];
    return t('round.lineField', { n: Number(line[1]) + 1, field: key ? t(key) : line[2]! });
  }
  const key = kLabels[field.replace(/\[\d+\]$/, '')];
  return key ? t(key) : field;
}
