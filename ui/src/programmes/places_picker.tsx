// Several places, each chosen as governorate → district → subdistrict and added to a list (a
// project's areas). The list shows names; the value is their P-codes.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { PlaceName } from '../referrals/place_name';
import { mostSpecific } from '../registry/places';
import { PlaceCascade } from '../stock/place_cascade';

interface Props {
  id: string;
  legend: string;
  value: string[];
  onChange: (pcodes: string[]) => void;
  errors?: string[] | undefined;
}

export function PlacesPicker({ id, legend, value, onChange, errors }: Props) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<string[]>(['', '', '']);
  const chosen = mostSpecific(choice);
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {value.length === 0
        ? <p class="muted">{t('project.noPlaces')}</p>
        : (
          <ul class="chosen-people" aria-label={t('project.chosenPlaces')}>
            {value.map((pcode) => (
              <li key={pcode}>
                <PlaceName pcode={pcode} />{' '}
                <button type="button" class="button small" onClick={() => onChange(value.filter((p) => p !== pcode))}>
                  {t('project.removePlace')}<span class="visually-hidden"> <PlaceName pcode={pcode} /></span>
                </button>
              </li>
            ))}
          </ul>
        )}
      {errors?.length ? <p id={`${id}-error`} class="field-error">{errors.join(' ')}</p> : null}
      <PlaceCascade idPrefix={id} legend={t('project.placeToAdd')} value={choice} onChange={setChoice} />
      <button type="button" class="button" disabled={!chosen || value.includes(chosen)} onClick={() => {
        onChange([...value, chosen]);
        setChoice(['', '', '']);
      }}>{t('project.addPlace')}</button>
    </fieldset>
  );
}
