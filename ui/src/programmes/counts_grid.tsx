// People counted but not registered, by population group: one small table per group (rows of
// age groups, a column per sex) so it fits 360 px; groups are added as needed and removed.
import { useState } from 'preact/hooks';
import { enumLabel, useI18n } from '../i18n/i18n';
import { countKey, type AttendanceDraft } from './attendance_model';
import { isWhole } from './form_bits';
import { AGE_GROUPS, COUNT_SEXES, POPULATION_GROUPS } from './programmes_types';

interface Props {
  draft: AttendanceDraft;
  onChange: (patch: Partial<AttendanceDraft>) => void;
  errorsOf: (field: string) => string[] | undefined;
}

export function CountsGrid({ draft, onChange, errorsOf }: Props) {
  const { t } = useI18n();
  const left = POPULATION_GROUPS.filter((g) => !draft.groups.includes(g));
  const [next, setNext] = useState('');
  const chosen = left.includes(next as (typeof left)[number]) ? next : left[0] ?? '';
  const setCell = (key: string, value: string) => onChange({ counts: { ...draft.counts, [key]: value } });
  const remove = (group: string) => {
    const counts = Object.fromEntries(Object.entries(draft.counts).filter(([k]) => !k.startsWith(`${group}/`)));
    onChange({ groups: draft.groups.filter((g) => g !== group), counts });
  };
  return (
    <section class="card" aria-labelledby="counts-title">
      <h2 id="counts-title">{t('attendance.countsTitle')}</h2>
      <p class="hint">{t('attendance.countsHint')}</p>
      {draft.groups.length === 0 && <p class="muted">{t('attendance.noCounts')}</p>}
      {draft.groups.map((group) => {
        const groupLabel = enumLabel(t, 'popGroup', group);
        const sum = Object.entries(draft.counts)
          .filter(([k, v]) => k.startsWith(`${group}/`) && isWhole(v, 1))
          .reduce((s, [, v]) => s + Number(v), 0);
        return (
          <fieldset key={group} class="count-group">
            <legend>{t('attendance.countsOf', { group: groupLabel })}</legend>
            <table class="count-grid">
              <caption class="visually-hidden">{t('attendance.countsOf', { group: groupLabel })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('attendance.ageGroup')}</th>
                  {COUNT_SEXES.map((sex) => <th key={sex} scope="col">{enumLabel(t, 'sex', sex)}</th>)}
                </tr>
              </thead>
              <tbody>
                {AGE_GROUPS.map((age) => (
                  <tr key={age}>
                    <th scope="row"><bdi>{enumLabel(t, 'ageGroup', age)}</bdi></th>
                    {COUNT_SEXES.map((sex) => {
                      const key = countKey(group, sex, age);
                      const errors = errorsOf(`count:${key}`);
                      const id = `count-${key.replace(/[^a-z0-9]/gi, '_')}`;
                      return (
                        <td key={sex}>
                          <input id={id} inputMode="numeric" dir="ltr" class="count-input" value={draft.counts[key] ?? ''}
                            aria-label={t('attendance.cellLabel', { group: groupLabel, sex: enumLabel(t, 'sex', sex), age: enumLabel(t, 'ageGroup', age) })}
                            aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-error` : undefined}
                            onInput={(e) => setCell(key, e.currentTarget.value)} />
                          {errors && <p id={`${id}-error`} class="field-error">{errors.join(' ')}</p>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="count-sum">{t('attendance.groupTotal', { n: sum })}</p>
            <button type="button" class="button small" onClick={() => remove(group)}>
              {t('attendance.removeGroup', { group: groupLabel })}
            </button>
          </fieldset>
        );
      })}
      {left.length > 0 && (
        <div class="search-row">
          <div class="field">
            <label for="counts-add-group">{t('attendance.groupToAdd')}</label>
            <select id="counts-add-group" value={chosen} onChange={(e) => setNext(e.currentTarget.value)}>
              {left.map((g) => <option key={g} value={g}>{enumLabel(t, 'popGroup', g)}</option>)}
            </select>
          </div>
          <button type="button" class="button" onClick={() => chosen && onChange({ groups: [...draft.groups, chosen] })}>
            {t('attendance.addGroup')}
          </button>
        </div>
      )}
    </section>
  );
}
