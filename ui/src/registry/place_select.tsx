// A <select> of the places at one level under a parent, loaded from the API. Place names are
// shown in Arabic for the Arabic and Kurdish interfaces and in English otherwise.
import { errorText } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { placeName, useI18n } from '../i18n/i18n';
import { placesAt } from './places';

interface Props {
  id: string;
  level: number;
  parent: string;
  value: string;
  emptyLabel: string;
  onChange: (pcode: string) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
}

export function PlaceSelect({ id, level, parent, value, emptyLabel, onChange, describedBy, invalid }: Props) {
  const { lang, t } = useI18n();
  const needsParent = level > 1;
  const places = useAsync(
    () => (needsParent && !parent ? Promise.resolve([]) : placesAt(level, parent)),
    [level, parent],
  );
  const options = [...(places.data ?? [])].sort((a, b) =>
    placeName(lang, a).localeCompare(placeName(lang, b), lang));
  return (
    <>
      <select id={id} value={value} disabled={needsParent && !parent}
        aria-describedby={describedBy} aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{emptyLabel}</option>
        {options.map((place) => (
          <option key={place.pcode} value={place.pcode}>{placeName(lang, place)}</option>
        ))}
        {/* The chosen place before its level has loaded (shown as "Loading…", never as a bare
            P-code), or a place no longer in the gazetteer (shown by its P-code, marked as data). */}
        {value && !options.some((p) => p.pcode === value) && (places.loading
          ? <option value={value}>{t('app.loading')}</option>
          : <option value={value} translate={false}>{value}</option>)}
      </select>
      {places.error != null && (
        <p class="field-error" role="alert">{errorText(t, places.error)}</p>
      )}
    </>
  );
}
