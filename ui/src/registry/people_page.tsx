// Find a person: one search box for names in any script and spelling (Arabic, Kurdish or Latin
// letters, typos forgiven), phones and document numbers, best matches first, each with a link to
// their household. The query lives in the hash (`#/people?q=…`) so back and reload keep it.
import { useEffect, useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { ErrorBox, Loading } from '../common/error_box';
import { fullName } from '../common/format';
import { useAsync } from '../common/use_async';
import { enumLabel, placeName, useI18n } from '../i18n/i18n';
import { agreeingFields, kMaxPeopleQuery, searchPeople, type PersonHit } from './people_api';

const kTypingDelayMs = 300;

export function PeoplePage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const q = (query.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  // Search as the user types, once they pause.
  useEffect(() => {
    const next = text.trim();
    if (next === q) return undefined;
    const timer = setTimeout(() => navigate('/people', { q: next }, { replace: true }), kTypingDelayMs);
    return () => clearTimeout(timer);
  }, [text]);

  const found = useAsync(() => (q ? searchPeople(q) : Promise.resolve(null)), [q]);
  const submit = (event: Event) => {
    event.preventDefault();
    navigate('/people', { q: text.trim() });
  };

  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{t('people.title')}</h1>
      <form class="filters" role="search" aria-label={t('people.title')} onSubmit={submit}>
        <div class="field field-wide">
          <label for="people-q">{t('people.search')}</label>
          <input id="people-q" type="search" dir="auto" autoComplete="off" maxLength={kMaxPeopleQuery}
            value={text} aria-describedby="people-q-hint" onInput={(e) => setText(e.currentTarget.value)} />
          <p id="people-q-hint" class="hint">{t('people.searchHint')}</p>
        </div>
        <div class="actions">
          <button type="submit" class="button primary">{t('households.searchButton')}</button>
        </div>
      </form>
      <ErrorBox error={found.error} onRetry={found.reload} />
      {q && found.loading && !found.data && <Loading />}
      {q && found.data && found.data.items.length === 0 && (
        <p class="empty">{t('people.noMatch')}</p>
      )}
      {found.data && found.data.items.length > 0 && <PeopleTable hits={found.data.items} />}
    </section>
  );
}

function PeopleTable({ hits }: { hits: PersonHit[] }) {
  const { t, lang } = useI18n();
  return (
    <div class="table-scroll">
      <table class="list">
        <caption class="visually-hidden">{t('people.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.person')}</th>
            <th scope="col">{t('form.birthDate')}</th>
            <th scope="col">{t('form.relationship')}</th>
            <th scope="col">{t('households.place')}</th>
            <th scope="col">{t('people.why')}</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => (
            <tr key={hit.person.id}>
              <td>
                <a href={href(`/households/${hit.household.id}`)}>
                  <bdi translate={false}>{fullName(hit.person) || hit.person.name_latin}</bdi>
                </a>
                {hit.person.name_latin && (
                  <div class="latin" dir="ltr" lang="en" translate={false}>{hit.person.name_latin}</div>
                )}
                <div class="muted">{t('people.household', { id: hit.household.id })}</div>
              </td>
              <td><bdi translate={false}>{hit.person.birth_date || '—'}</bdi></td>
              <td>{enumLabel(t, 'rel', hit.person.relationship)}</td>
              <td>
                <bdi>{placeName(lang, hit.household.location)}</bdi>
                <div class="muted">{enumLabel(t, 'status', hit.household.displacement_status)}</div>
              </td>
              <td>{agreeingFields(hit.reasons).map((key) => t(key)).join(t('people.listSeparator'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
