// Define or edit an indicator of a project (managers): code, names, what it measures, which
// records count (the definition: sources, sectors, kinds, place, only this project's records)
// and the target. The definition fields shown follow the measure, and only those are sent.
import { useEffect, useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { Check } from '../common/check';
import { EditCard } from '../common/edit_card';
import { Field } from '../common/field';
import { SelectField } from '../common/select_field';
import { refusalOf, useSave } from '../common/use_save';
import { enumLabel, useI18n, type MessageKey, type Translate } from '../i18n/i18n';
import { mostSpecific, pcodesByLevel, placePath } from '../registry/places';
import { PlaceCascade } from '../stock/place_cascade';
import { isWhole, MultiCheck, StaleKept } from './form_bits';
import { createIndicator, getIndicator, updateIndicator } from './programmes_api';
import {
  ACTIVITY_TYPES, CASE_KINDS, DISTRIBUTION_KINDS, MEASURES, SECTORS, SOURCES, UNIT_KINDS,
  type Indicator, type IndicatorDefinition,
} from './programmes_types';

/** Which definition keys a measure reads (docs/programmes.md "Indicators"). */
const kKeys: Record<string, readonly (keyof IndicatorDefinition)[]> = {
  people_reached: ['sources', 'sectors', 'kinds', 'pcode', 'project_only'],
  households_reached: ['sources', 'sectors', 'kinds', 'pcode', 'project_only'],
  services_delivered: ['sources', 'sectors', 'kinds', 'pcode', 'project_only'],
  activities_held: ['sectors', 'kinds', 'pcode', 'project_only'],
  units_rehabilitated: ['unit_kinds', 'pcode', 'project_only'],
  trainees_improved: ['sectors', 'pcode', 'project_only'],
};

const kLabels: Record<string, MessageKey> = {
  code: 'indicator.code', name: 'indicator.name', name_ar: 'indicator.nameAr', measure: 'indicator.measure',
  target: 'indicator.target', 'definition.sources': 'indicator.sources', 'definition.sectors': 'indicator.sectors',
  'definition.kinds': 'indicator.kinds', 'definition.pcode': 'indicator.place', 'definition.unit_kinds': 'indicator.unitKinds',
  'definition.project_only': 'indicator.projectOnly',
};

interface Draft {
  code: string; name: string; name_ar: string; measure: string; target: string; active: boolean;
  sources: string[]; sectors: string[]; kinds: string[]; unit_kinds: string[]; place: string[]; project_only: boolean;
}

function draftOf(i: Indicator | null): Draft {
  const d = i?.definition ?? {};
  return {
    code: i?.code ?? '', name: i?.name ?? '', name_ar: i?.name_ar ?? '', measure: i?.measure ?? 'people_reached',
    target: !i?.target ? '' : String(i.target), active: i?.active ?? true,
    sources: d.sources ?? [], sectors: d.sectors ?? [], kinds: d.kinds ?? [], unit_kinds: d.unit_kinds ?? [],
    place: [d.pcode ?? '', '', ''], project_only: d.project_only ?? true,
  };
}

function definitionOf(d: Draft): IndicatorDefinition {
  const keys = kKeys[d.measure] ?? [];
  const out: IndicatorDefinition = {};
  if (keys.includes('sources') && d.sources.length) out.sources = d.sources;
  if (keys.includes('sectors') && d.sectors.length) out.sectors = d.sectors;
  const kinds = d.measure === 'activities_held' ? d.kinds.filter((k) => (ACTIVITY_TYPES as readonly string[]).includes(k)) : d.kinds;
  if (keys.includes('kinds') && kinds.length) out.kinds = kinds;
  if (keys.includes('unit_kinds') && d.unit_kinds.length) out.unit_kinds = d.unit_kinds;
  const pcode = mostSpecific(d.place);
  if (pcode) out.pcode = pcode;
  out.project_only = d.project_only;
  return out;
}

/** A `kinds` value: an activity type, a distribution's kind (in kind, cash) or a case module. */
export function kindText(t: Translate, k: string): string {
  if ((ACTIVITY_TYPES as readonly string[]).includes(k)) return enumLabel(t, 'activityType', k);
  if ((DISTRIBUTION_KINDS as readonly string[]).includes(k)) return enumLabel(t, 'roundKind', k);
  return enumLabel(t, 'module', k);
}

interface Props { projectId: number; indicator: Indicator | null; onSaved: (i: Indicator) => void; onCancel: () => void }

export function IndicatorForm({ projectId, indicator, onSaved, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(indicator));
  const form = useSave(indicator?.version);
  const errorsOf = form.errorsOf;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const keys = kKeys[draft.measure] ?? [];
  useEffect(() => {
    const pcode = indicator?.definition?.pcode;
    if (pcode) placePath(pcode).then((p) => set({ place: pcodesByLevel(p, 3) }), () => undefined);
  }, [indicator?.id]);

  const check = (): FieldError[] => {
    const problems: FieldError[] = [];
    if (!draft.code.trim()) problems.push({ field: 'code', reason: t('check.required') });
    if (!draft.name.trim()) problems.push({ field: 'name', reason: t('check.required') });
    if (draft.target.trim() && !isWhole(draft.target, 0)) problems.push({ field: 'target', reason: t('check.wholeNumber') });
    return problems;
  };

  const submit = (event: Event) => form.save(event, {
    check,
    send: async (version) => {
      const input = {
        project_id: projectId, code: draft.code.trim(), name: draft.name.trim(), name_ar: draft.name_ar.trim(),
        measure: draft.measure, definition: definitionOf(draft), target: draft.target.trim() ? Number(draft.target) : 0,
        active: draft.active,
      };
      onSaved(indicator ? await updateIndicator(indicator.id, { ...input, version }) : await createIndicator(input));
    },
    refusal: (cause) => refusalOf(cause, t, lang, { code: t('indicator.codeTaken') }, !!indicator),
    latest: indicator ? () => getIndicator(indicator.id) : undefined,
  });

  const kindOptions = draft.measure === 'activities_held' ? ACTIVITY_TYPES : [...ACTIVITY_TYPES, ...DISTRIBUTION_KINDS, ...CASE_KINDS];
  const kindLabel = (k: string) => kindText(t, k);
  const idOf = (f: string) => (f === 'definition.pcode' ? 'ind-place-gov' : `ind-${f.replace(/^definition\./, '')}`);
  return (
    <EditCard id="ind-form" level={2} title={indicator ? t('indicator.editTitle') : t('indicator.addTitle')} name={indicator?.code}
      form={form} onSubmit={submit} idOf={idOf} labelOf={(f) => (kLabels[f] ? t(kLabels[f]!) : f)}
      staleAlert={form.stale && <StaleKept />} failure={form.failure} saveLabel={t('indicator.save')} onCancel={onCancel}>
      <div class="grid">
        <Field id="ind-code" label={t('indicator.code')} errors={errorsOf('code')}>
          {(c) => <input {...c} dir="ltr" autoComplete="off" value={draft.code} onInput={(e) => set({ code: e.currentTarget.value })} />}
        </Field>
        <Field id="ind-name" label={t('indicator.name')} errors={errorsOf('name')}>
          {(c) => <input {...c} dir="auto" value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
        </Field>
        <Field id="ind-name_ar" label={`${t('indicator.nameAr')} ${t('common.optional')}`} errors={errorsOf('name_ar')}>
          {(c) => <input {...c} dir="rtl" lang="ar" value={draft.name_ar} onInput={(e) => set({ name_ar: e.currentTarget.value })} />}
        </Field>
        <SelectField id="ind-measure" label={t('indicator.measure')} hint={t(`measureHint.${draft.measure}` as MessageKey)} errors={errorsOf('measure')}
          value={draft.measure} onChange={(measure) => set({ measure })}>
          {MEASURES.map((m) => <option key={m} value={m}>{enumLabel(t, 'measure', m)}</option>)}
        </SelectField>
        <Field id="ind-target" label={`${t('indicator.target')} ${t('common.optional')}`} errors={errorsOf('target')}>
          {(c) => <input {...c} inputMode="numeric" dir="ltr" value={draft.target} onInput={(e) => set({ target: e.currentTarget.value })} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t('indicator.definition')}</legend>
        <p class="hint">{t('indicator.definitionHint')}</p>
        {keys.includes('sources') && (
          <MultiCheck id="ind-sources" legend={t('indicator.sources')} options={SOURCES} value={draft.sources}
            labelOf={(s) => enumLabel(t, 'source', s)} onChange={(sources) => set({ sources })} errors={errorsOf('definition.sources')} />
        )}
        {keys.includes('sectors') && (
          <MultiCheck id="ind-sectors" legend={t('indicator.sectors')} options={SECTORS} value={draft.sectors}
            labelOf={(s) => enumLabel(t, 'sector', s)} onChange={(sectors) => set({ sectors })} errors={errorsOf('definition.sectors')} />
        )}
        {keys.includes('kinds') && (
          <MultiCheck id="ind-kinds" legend={t('indicator.kinds')} options={kindOptions} value={draft.kinds}
            labelOf={kindLabel} onChange={(kinds) => set({ kinds })} errors={errorsOf('definition.kinds')} />
        )}
        {keys.includes('unit_kinds') && (
          <MultiCheck id="ind-unit_kinds" legend={t('indicator.unitKinds')} options={UNIT_KINDS} value={draft.unit_kinds}
            labelOf={(s) => enumLabel(t, 'unitKind', s)} onChange={(unit_kinds) => set({ unit_kinds })} errors={errorsOf('definition.unit_kinds')} />
        )}
        <PlaceCascade idPrefix="ind-place" legend={`${t('indicator.place')} ${t('common.optional')}`} value={draft.place} anyLabel
          errors={errorsOf('definition.pcode')} onChange={(place) => set({ place })} />
        <Check label={t('indicator.projectOnly')} checked={draft.project_only} onChange={(on) => set({ project_only: on })} />
        <p class="hint">{t('indicator.projectOnlyHint')}</p>
      </fieldset>
      {indicator && (
        <Check label={t('indicator.activeLabel')} checked={draft.active} onChange={(on) => set({ active: on })} />
      )}
    </EditCard>
  );
}
