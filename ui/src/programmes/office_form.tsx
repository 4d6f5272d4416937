// Add or edit an office: names, its place (governorate → district → subdistrict), optional
// coordinates (both or neither, inside Iraq; else the place's own point is used on the map),
// whether it is shown on the public page, and whether it is active.
import { useEffect, useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { Check } from '../common/check';
import { EditCard } from '../common/edit_card';
import { Field } from '../common/field';
import { refusalOf, useSave } from '../common/use_save';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { mostSpecific, pcodesByLevel, placePath } from '../registry/places';
import { PlaceCascade } from '../stock/place_cascade';
import { numberOrNull, StaleKept } from './form_bits';
import { createOffice, getOffice, updateOffice } from './programmes_api';
import type { Office } from './programmes_types';

const kLabels: Record<string, MessageKey> = {
  name: 'office.name', name_ar: 'office.nameAr', pcode: 'office.place', lat: 'office.lat', lon: 'office.lon',
};
const kIds: Record<string, string> = { pcode: 'office-gov' };

interface Draft { name: string; name_ar: string; place: string[]; lat: string; lon: string; public: boolean; active: boolean }

function draftOf(o: Office | null): Draft {
  if (!o) return { name: '', name_ar: '', place: ['', '', ''], lat: '', lon: '', public: false, active: true };
  // The place's own point is not the office's: left empty so it keeps following the place.
  const coord = (n: number | null | undefined) => (n === null || n === undefined || o.own_point === false ? '' : String(n));
  return { name: o.name, name_ar: o.name_ar ?? '', place: [o.pcode, '', ''], lat: coord(o.lat), lon: coord(o.lon), public: o.public, active: o.active };
}

interface Props { office: Office | null; onSaved: (o: Office) => void; onCancel: () => void }

export function OfficeForm({ office, onSaved, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(office));
  const form = useSave(office?.version);
  const errorsOf = form.errorsOf;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  useEffect(() => {
    if (office?.pcode) placePath(office.pcode).then((p) => set({ place: pcodesByLevel(p, 3) }), () => undefined);
  }, [office?.id]);

  const check = (): FieldError[] => {
    const problems: FieldError[] = [];
    if (!draft.name.trim()) problems.push({ field: 'name', reason: t('check.required') });
    if (!mostSpecific(draft.place)) problems.push({ field: 'pcode', reason: t('check.required') });
    const lat = numberOrNull(draft.lat);
    const lon = numberOrNull(draft.lon);
    if ((lat === null) !== (lon === null)) {
      problems.push({ field: lat === null ? 'lat' : 'lon', reason: t('office.bothOrNeither') });
    }
    if (lat !== null && !(lat >= 29 && lat <= 38)) problems.push({ field: 'lat', reason: t('office.latRange') });
    if (lon !== null && !(lon >= 38 && lon <= 49)) problems.push({ field: 'lon', reason: t('office.lonRange') });
    return problems;
  };

  const submit = (event: Event) => form.save(event, {
    check,
    send: async (version) => {
      const body = {
        name: draft.name.trim(), name_ar: draft.name_ar.trim(), pcode: mostSpecific(draft.place),
        lat: numberOrNull(draft.lat), lon: numberOrNull(draft.lon), public: draft.public, active: draft.active,
      };
      onSaved(office ? await updateOffice(office.id, { ...body, version }) : await createOffice(body));
    },
    refusal: (cause) => refusalOf(cause, t, lang, { name: t('office.nameTaken') }, !!office),
    latest: office ? () => getOffice(office.id) : undefined,
  });

  return (
    <EditCard id="office-form" level={2} title={office ? t('office.editTitle') : t('office.addTitle')} name={office?.name}
      form={form} onSubmit={submit} idOf={(f) => kIds[f] ?? `office-${f}`} labelOf={(f) => (kLabels[f] ? t(kLabels[f]!) : f)}
      staleAlert={form.stale && <StaleKept />} failure={form.failure} saveLabel={t('office.save')} onCancel={onCancel}>
      <div class="grid">
        <Field id="office-name" label={t('office.name')} errors={errorsOf('name')}>
          {(c) => <input {...c} dir="auto" value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
        </Field>
        <Field id="office-name_ar" label={`${t('office.nameAr')} ${t('common.optional')}`} errors={errorsOf('name_ar')}>
          {(c) => <input {...c} dir="rtl" lang="ar" value={draft.name_ar} onInput={(e) => set({ name_ar: e.currentTarget.value })} />}
        </Field>
      </div>
      <PlaceCascade idPrefix="office" legend={t('office.place')} value={draft.place} errors={errorsOf('pcode')}
        onChange={(place) => set({ place })} />
      <fieldset>
        <legend>{t('office.coordinates')} {t('common.optional')}</legend>
        <p class="hint">{t('office.coordinatesHint')}</p>
        <div class="grid">
          <Field id="office-lat" label={t('office.lat')} errors={errorsOf('lat')}>
            {(c) => <input {...c} inputMode="decimal" dir="ltr" value={draft.lat} onInput={(e) => set({ lat: e.currentTarget.value })} />}
          </Field>
          <Field id="office-lon" label={t('office.lon')} errors={errorsOf('lon')}>
            {(c) => <input {...c} inputMode="decimal" dir="ltr" value={draft.lon} onInput={(e) => set({ lon: e.currentTarget.value })} />}
          </Field>
        </div>
      </fieldset>
      <Check label={t('office.publicLabel')} checked={draft.public} onChange={(on) => set({ public: on })} />
      <Check label={t('office.activeLabel')} checked={draft.active} onChange={(on) => set({ active: on })} />
    </EditCard>
  );
}
