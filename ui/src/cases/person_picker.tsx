// Choose the registered people a case is about: search the registry (names in any script,
// phones, document numbers, as on the "Find a person" page) and add people from the results.
import type { CasePerson } from '../api/cases_types';
import { fullName } from '../common/format';
import { useI18n } from '../i18n/i18n';
import type { PersonHit } from '../registry/people_api';
import { PersonSearch } from '../registry/person_search';

interface Props {
  id: string;
  value: CasePerson[];
  onChange: (people: CasePerson[]) => void;
  errors?: string[] | undefined;
}

export function PersonPicker({ id, value, onChange, errors }: Props) {
  const { t } = useI18n();
  const add = (hit: PersonHit) => {
    if (value.some((p) => p.id === hit.person.id)) return;
    onChange([...value, {
      id: hit.person.id,
      name: fullName(hit.person) || hit.person.name_latin || '',
      household_id: hit.household.id,
    }]);
  };

  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend>{t('caseNew.people')}</legend>
      {value.length === 0
        ? <p class="muted">{t('caseNew.noPeople')}</p>
        : (
          <ul class="chosen-people" aria-label={t('caseNew.chosen')}>
            {value.map((person) => (
              <li key={person.id}>
                <bdi translate={false}>{person.name || t('caseNew.personId', { id: person.id })}</bdi>
                {person.household_id !== undefined && (
                  <span class="muted"> · {t('people.household', { id: person.household_id })}</span>
                )}{' '}
                <button type="button" class="button small"
                  onClick={() => onChange(value.filter((p) => p.id !== person.id))}>
                  {t('caseNew.removePerson')}<span class="visually-hidden"> <bdi translate={false}>{person.name}</bdi></span>
                </button>
              </li>
            ))}
          </ul>
        )}
      {errors?.length ? <p id={`${id}-error`} class="field-error">{errors.join(' ')}</p> : null}
      <PersonSearch id={`${id}-search`} chosen={value.map((p) => p.id)} onAdd={add} labels={{
        find: t('caseNew.findPerson'), search: t('caseNew.searchPeople'), found: t('people.caption'),
        add: t('caseNew.addPerson'), added: t('caseNew.added'),
      }} />
    </fieldset>
  );
}
