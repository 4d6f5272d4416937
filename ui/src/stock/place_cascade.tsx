// A place chosen as governorate → district → subdistrict (the most specific choice is the
// P-code), as the service form does. `value` holds the three P-codes, '' where none is chosen.
import { useI18n } from '../i18n/i18n';
import { PlaceSelect } from '../registry/place_select';

interface Props {
  idPrefix: string;
  legend: string;
  value: string[];
  errors?: string[] | undefined;
  /** The empty choice reads "All" (a filter or a criterion) instead of "Choose…". */
  anyLabel?: boolean;
  onChange: (value: string[]) => void;
}

export function PlaceCascade({ idPrefix, legend, value, errors, anyLabel, onChange }: Props) {
  const { t } = useI18n();
  const empty = anyLabel ? t('common.all') : t('common.choose');
  const setLevel = (level: number, pcode: string) =>
    onChange([0, 1, 2].map((i) => (i < level ? value[i] ?? '' : i === level ? pcode : '')));
  const errorId = `${idPrefix}-place-error`;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class="grid">
        <div class="field">
          <label for={`${idPrefix}-gov`}>{t('households.governorate')}</label>
          <PlaceSelect id={`${idPrefix}-gov`} level={1} parent="" value={value[0] ?? ''} emptyLabel={empty}
            invalid={!!errors} describedBy={errors ? errorId : undefined} onChange={(v) => setLevel(0, v)} />
        </div>
        <div class="field">
          <label for={`${idPrefix}-district`}>{t('households.district')}</label>
          <PlaceSelect id={`${idPrefix}-district`} level={2} parent={value[0] ?? ''} value={value[1] ?? ''}
            emptyLabel={empty} onChange={(v) => setLevel(1, v)} />
        </div>
        <div class="field">
          <label for={`${idPrefix}-sub`}>{t('form.subdistrict')}</label>
          <PlaceSelect id={`${idPrefix}-sub`} level={3} parent={value[1] ?? ''} value={value[2] ?? ''}
            emptyLabel={empty} onChange={(v) => setLevel(2, v)} />
        </div>
      </div>
      {errors && <p id={errorId} class="field-error">{errors.join(' ')}</p>}
    </fieldset>
  );
}
