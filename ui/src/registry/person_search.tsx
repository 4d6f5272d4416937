// Search the registry for people to add to a list (names in any script, phones, document numbers,
// as on the "Find a person" page): a search box whose Enter searches instead of submitting the
// surrounding form, and the matches, each with its sex, birth date, place and household and a
// button to add it. Used by a case's people and an activity's attendance.
import { useState } from 'preact/hooks';
import { ErrorBox } from '../common/error_box';
import { fullName } from '../common/format';
import { enumLabel, placeName, useI18n } from '../i18n/i18n';
import { kMaxPeopleQuery, searchPeople, type PersonHit } from './people_api';

interface Props {
  /** Prefix of the element ids. */
  id: string;
  labels: { find: string; search: string; found: string; add: string; added: string };
  /** Ids of the people already on the list: their buttons say `labels.added`. */
  chosen: number[];
  onAdd: (hit: PersonHit) => void;
}

export function PersonSearch({ id, labels, chosen, onAdd }: Props) {
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
      setHits((await searchPeople(q)).items ?? []);
    } catch (cause) {
      setFailure(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="person-search">
      <div class="search-row">
        <div class="field">
          <label for={`${id}-q`}>{labels.find}</label>
          <input id={`${id}-q`} type="search" dir="auto" autoComplete="off" maxLength={kMaxPeopleQuery} value={text}
            aria-describedby={`${id}-q-hint`} onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter searches here instead of submitting the surrounding form.
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }} />
          <p id={`${id}-q-hint`} class="hint">{t('people.searchHint')}</p>
        </div>
        <button type="button" class="button" disabled={busy} onClick={() => void search()}>{labels.search}</button>
      </div>
      <ErrorBox error={failure} />
      {hits && hits.length === 0 && <p class="muted" role="status">{t('people.noMatch')}</p>}
      {hits && hits.length > 0 && (
        <ul class="person-hits" aria-label={labels.found}>
          {hits.map((hit) => {
            const name = fullName(hit.person) || hit.person.name_latin || '';
            const added = chosen.includes(hit.person.id);
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
                <button type="button" class="button small" disabled={added} onClick={() => onAdd(hit)}>
                  {added ? labels.added : labels.add}
                  <span class="visually-hidden"> <bdi translate={false}>{name}</bdi></span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
