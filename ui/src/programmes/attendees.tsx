// The registered people of an activity's attendance: search the registry (names in any script,
// phones, document numbers) and add people; each attendee has the sessions attended (classes
// and groups) or pre/post scores (trainings), and can be taken off the list.
import { Field } from '../common/field';
import { fullName } from '../common/format';
import { enumLabel, useI18n } from '../i18n/i18n';
import type { PersonHit } from '../registry/people_api';
import { PersonSearch } from '../registry/person_search';
import type { AttendeeDraft } from './attendance_model';
import { kSessionTypes, type Activity } from './programmes_types';

interface Props {
  activity: Activity;
  people: AttendeeDraft[];
  onChange: (people: AttendeeDraft[]) => void;
  errorsOf: (field: string) => string[] | undefined;
}

export function Attendees({ activity, people, onChange, errorsOf }: Props) {
  const { t } = useI18n();
  const sessions = kSessionTypes.includes(activity.type);
  const training = activity.type === 'training';
  const update = (i: number, patch: Partial<AttendeeDraft>) => onChange(people.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const add = (hit: PersonHit) => {
    if (people.some((p) => p.person_id === hit.person.id)) return;
    onChange([...people, {
      person_id: hit.person.id, name: fullName(hit.person), name_latin: hit.person.name_latin ?? '', sex: hit.person.sex,
      birth_date: hit.person.birth_date ?? '', household_id: hit.household.id,
      sessions: sessions ? String(activity.sessions) : '', pre: '', post: '',
    }]);
  };
  return (
    <section class="card" aria-labelledby="attendees-title">
      <h2 id="attendees-title">{t('attendance.peopleTitle')}</h2>
      {people.length === 0 && <p class="muted">{t('attendance.noPeople')}</p>}
      {people.length > 0 && (
        <ul class="attendees" aria-label={t('attendance.peopleList')}>
          {people.map((p, i) => {
            const name = p.name || p.name_latin || t('caseNew.personId', { id: p.person_id });
            const id = `att-${p.person_id}`;
            const own = errorsOf(`people[${i}].person_id`) ?? errorsOf(`people[${i}]`);
            return (
              <li key={p.person_id}>
                <fieldset class={`attendee${own ? ' has-error' : ''}`}>
                  <legend><bdi translate={false}>{name}</bdi></legend>
                  <p class="muted">
                    {p.name_latin && p.name && <><span class="latin" dir="ltr" lang="en" translate={false}>{p.name_latin}</span> · </>}
                    {enumLabel(t, 'sex', p.sex)}
                    {p.birth_date && <> · <bdi dir="ltr">{p.birth_date}</bdi></>}
                    {p.household_id !== null && <> · {t('people.household', { id: p.household_id })}</>}
                  </p>
                  {own && <p class="field-error">{own.join(' ')}</p>}
                  {(sessions || training) && (
                    <div class="attendee-fields">
                      {sessions && (
                        <Field id={`${id}-sessions`} label={t('attendance.sessionsAttended', { max: activity.sessions })} errors={errorsOf(`people[${i}].sessions_attended`)}>
                          {(c) => <input {...c} inputMode="numeric" dir="ltr" value={p.sessions} onInput={(e) => update(i, { sessions: e.currentTarget.value })} />}
                        </Field>
                      )}
                      {training && (
                        <>
                          <Field id={`${id}-pre`} label={t('attendance.preScore')} errors={errorsOf(`people[${i}].pre_score`)}>
                            {(c) => <input {...c} inputMode="numeric" dir="ltr" value={p.pre} onInput={(e) => update(i, { pre: e.currentTarget.value })} />}
                          </Field>
                          <Field id={`${id}-post`} label={t('attendance.postScore')} errors={errorsOf(`people[${i}].post_score`)}>
                            {(c) => <input {...c} inputMode="numeric" dir="ltr" value={p.post} onInput={(e) => update(i, { post: e.currentTarget.value })} />}
                          </Field>
                        </>
                      )}
                    </div>
                  )}
                  <button type="button" class="button small" onClick={() => onChange(people.filter((_, j) => j !== i))}>
                    {t('attendance.removePerson')}<span class="visually-hidden"> <bdi translate={false}>{name}</bdi></span>
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}
      <PersonSearch id="att" chosen={people.map((p) => p.person_id)} onAdd={add} labels={{
        find: t('attendance.findPerson'), search: t('attendance.search'), found: t('attendance.found'),
        add: t('attendance.addPerson'), added: t('attendance.added'),
      }} />
    </section>
  );
}
