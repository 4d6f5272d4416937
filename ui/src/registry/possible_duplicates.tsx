// "Possibly already registered": while a clerk types a member's names, asks the server (after a
// pause) for probable matches among people already registered and lists those the clerk may see,
// each with a link to their household (in a new tab, so nothing typed is lost). Matches
// registered by other organisations are shown as a count only (docs/api.md, least access).
import { useEffect, useRef, useState } from 'preact/hooks';
import { href } from '../app/router';
import { fullName } from '../common/format';
import { placeName, useI18n } from '../i18n/i18n';
import { isValidPartialDate, isValidPhone, type HouseholdDraft, type MemberDraft } from './form_model';
import { findMatches, type MatchQuery, type MatchReport } from './people_api';
import { mostSpecific } from './places';

const kTypingDelayMs = 400;
const kMinNameLetters = 2;

/** The match query for `member` as typed so far, or null while there is too little to ask. */
function queryOf(draft: HouseholdDraft, member: MemberDraft, householdId?: number): MatchQuery | null {
  const names = {
    given_name: member.given_name.trim(),
    father_name: member.father_name.trim(),
    grandfather_name: member.grandfather_name.trim(),
    family_name: member.family_name.trim(),
    name_latin: member.name_latin.trim(),
  };
  if (Object.values(names).join('').length < kMinNameLetters) return null;
  const query: MatchQuery = { ...names };
  if (member.sex) query.sex = member.sex;
  const birth = member.birth_date.trim();
  if (birth && isValidPartialDate(birth)) query.birth_date = birth;
  const pcode = mostSpecific(draft.location);
  if (pcode) query.location_pcode = pcode;
  const phone = member.phone.trim() || draft.phone.trim();
  if (phone && isValidPhone(phone)) query.phone = phone;
  const document = member.documents.find((d) => d.type !== 'pds_card' && d.number.trim());
  if (document) query.document_number = document.number.trim();
  if (householdId !== undefined) query.household_id = householdId;
  return query;
}

interface Props { draft: HouseholdDraft; member: MemberDraft; index: number; householdId?: number }

export function PossibleDuplicates({ draft, member, index, householdId }: Props) {
  const { t, lang } = useI18n();
  const [report, setReport] = useState<MatchReport | null>(null);
  const generation = useRef(0);
  const query = queryOf(draft, member, householdId);
  const key = JSON.stringify(query);

  useEffect(() => {
    const mine = ++generation.current;
    if (!query) {
      setReport(null);
      return undefined;
    }
    const timer = setTimeout(() => {
      findMatches(query).then(
        (answer) => {
          if (mine === generation.current) setReport(answer);
        },
        // The check only helps; a failed one (network, a field still being typed) shows nothing.
        () => {
          if (mine === generation.current) setReport(null);
        },
      );
    }, kTypingDelayMs);
    return () => clearTimeout(timer);
  }, [key]);

  const shown = report && (report.items.length > 0 || report.other_organisations > 0) ? report : null;
  const headingId = `dups-${member.key}`;
  return (
    <div aria-live="polite">
      {shown && (
        <section class="alert alert-warning possible-duplicates" aria-labelledby={headingId}>
          <h3 id={headingId}>{t('dups.title', { n: index + 1 })}</h3>
          {shown.items.length > 0 && (
            <ul>
              {shown.items.map((hit) => (
                <li key={hit.person.id}>
                  <a href={href(`/households/${hit.household.id}`)} target="_blank" rel="noopener">
                    <bdi translate={false}>{fullName(hit.person) || hit.person.name_latin}</bdi>
                  </a>
                  {hit.person.name_latin && fullName(hit.person) && (
                    <> (<bdi dir="ltr" lang="en" translate={false}>{hit.person.name_latin}</bdi>)</>
                  )}
                  {' — '}
                  {t('dups.where', {
                    household: hit.household.id,
                    place: placeName(lang, hit.household.location),
                  })}
                  {hit.person.birth_date && (
                    <>{t('people.listSeparator')}{t('form.birthDate')}: <bdi translate={false}>{hit.person.birth_date}</bdi></>
                  )}
                </li>
              ))}
            </ul>
          )}
          {shown.other_organisations > 0 && (
            <p>
              {shown.other_organisations === 1
                ? t('dups.otherOne')
                : t('dups.otherMany', { n: shown.other_organisations })}
            </p>
          )}
          <p class="hint">{t('dups.hint')}</p>
        </section>
      )}
    </div>
  );
}
