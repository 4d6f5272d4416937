// Choose the registered people a case is about: search the registry (names in any script,
// phones, document numbers, as on the "Find a person" page) and add people from the results.
import { useState } from 'preact/hooks';
import type { CasePerson } from '../api/cases_types';
import { ErrorBox } from '../common/error_box';
import { fullName } from '../common/format';
import { enumLabel, placeName, useI18n } from '../i18n/i18n';
import { kMaxPeopleQuery, searchPeople, type PersonHit } from '../registry/people_api';

interface Props {
  id: string;
  value: CasePerson[];
  onChange: (people: CasePerson[]) => void;
  errors?: string[] | undefined;
}

export function PersonPicker({ id, value, onChange, errors }: Props) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<PersonHit[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    const q = text.trim();
    if (!q) return;
    setBusy(true);
    setFailure(null);
    try {
      setHits((await searchPeople(q)).items);
    } catch (cause) {
      setFailure(cause);
    } finally {
      setBusy(false);
    }
  };
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
      <div class="search-row">
        <div class="field">
          <label for={`${id}-q`}>{t('caseNew.findPerson')}</label>
          <input id={`${id}-q`} type="search" dir="auto" autoComplete="off" maxLength={kMaxPeopleQuery}
            value={text} aria-describedby={`${id}-q-hint`}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter searches here instead of submitting the whole case form.
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }} />
          <p id={`${id}-q-hint`} class="hint">{t('people.searchHint')}</p>
        </div>
        <button type="button" class="button" disabled={busy} onClick={() => void search()}>
          {t('caseNew.searchPeople')}
        </button>
      </div>
      <ErrorBox error={failure} />
      {hits && hits.length === 0 && <p class="muted" role="status">{t('people.noMatch')}</p>}
      {hits && hits.length > 0 && (
        <ul class="person-hits" aria-label={t('people.caption')}>
          {hits.map((hit) => {
            const name = fullName(hit.person) || hit.person.name_latin || '';
            const chosen = value.some((p) => p.id === hit.person.id);
            return (
              <li key={hit.person.id}>
                <div>
                  <bdi translate={false}>{name}</bdi>
                  {hit.person.name_latin && (
                    <span class="latin" dir="ltr" lang="en" translate={false}> {hit.person.name_latin}</span>
                  )}
                  <div class="muted">
                    {enumLabel(t, 'sex', hit.person.sex)}
                    {hit.person.birth_date && <> · <bdi dir="ltr">{hit.person.birth_date}</bdi></>}
                    {' · '}<bdi>{placeName(lang, hit.household.location)}</bdi>
                    {' · '}{t('people.household', { id: hit.household.id })}
                  </div>
                </div>
                <button type="button" class="button small" disabled={chosen} onClick={() => add(hit)}>
                  {chosen ? t('caseNew.added') : t('caseNew.addPerson')}
                  <span class="visually-hidden"> <bdi translate={false}>{name}</bdi></span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
