// What a check or a refused import found: the counts, every problem by row and column (the
// reasons come from the server in English and are shown as data, the columns as named in the
// file), and the probable duplicates with the registered household each one resembles.
import { href } from '../app/router';
import { reasonLabel } from '../dedup/dedup_api';
import { useI18n } from '../i18n/i18n';
import type { DuplicatePolicy, ImportDuplicate, ImportProblem, ImportReport } from './import_api';

/** More rows than this are counted but not listed (a file may have 100,000 rows). */
const kMaxListed = 500;

interface Props { report: ImportReport; policy: DuplicatePolicy }

export function ImportReportView({ report, policy }: Props) {
  const { t } = useI18n();
  return (
    <div class="import-report">
      <p>
        {report.households === 0
          ? t('import.empty')
          : t('import.counts', { households: report.households, people: report.people })}
      </p>
      <h2 id="import-problems">{t('import.problems', { n: report.problems.length })}</h2>
      {report.problems.length === 0
        ? <p class="muted">{t('import.noProblems')}</p>
        : <Problems problems={report.problems} />}
      <h2 id="import-duplicates">{t('import.duplicates', { n: report.duplicates.length })}</h2>
      {report.duplicates.length === 0
        ? <p class="muted">{t('import.noDuplicates')}</p>
        : (
          <>
            <p>{policy === 'skip'
              ? t('import.duplicatesSkip', { n: report.households_skipped })
              : t(`import.duplicates.${policy}`)}</p>
            <Duplicates duplicates={report.duplicates} />
          </>
        )}
    </div>
  );
}

function Listed({ total }: { total: number }) {
  const { t } = useI18n();
  if (total <= kMaxListed) return null;
  return <p class="muted">{t('import.firstOnly', { shown: kMaxListed, total })}</p>;
}

function Problems({ problems }: { problems: ImportProblem[] }) {
  const { t } = useI18n();
  return (
    <>
      <Listed total={problems.length} />
      <div class="table-scroll">
        <table class="list" aria-labelledby="import-problems">
          <thead>
            <tr>
              <th scope="col" class="num">{t('import.row')}</th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, kMaxListed).map((p, i) => (
              <tr key={i}>
                <td class="num">{p.row ?? t('import.wholeFile')}</td>
                <td>
                  {p.column
                    ? <bdi translate={false}>{p.column}</bdi>
                    : p.character ? t('import.character', { n: p.character }) : t('import.wholeRow')}
                </td>
                <td><bdi translate={false} lang="en">{p.reason}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Duplicates({ duplicates }: { duplicates: ImportDuplicate[] }) {
  const { t } = useI18n();
  return (
    <>
      <Listed total={duplicates.length} />
      <div class="table-scroll">
        <table class="list" aria-labelledby="import-duplicates">
          <thead>
            <tr>
              <th scope="col" class="num">{t('import.row')}</th>
              <th scope="col">{t('import.name')}</th>
              <th scope="col">{t('import.existing')}</th>
              <th scope="col" class="num">{t('import.score')}</th>
              <th scope="col">{t('import.why')}</th>
            </tr>
          </thead>
          <tbody>
            {duplicates.slice(0, kMaxListed).map((d, i) => (
              <tr key={i}>
                <td class="num">{d.row}</td>
                <td>
                  <bdi translate={false}>{d.name}</bdi>
                  {d.skipped && <> <span class="badge badge-off">{t('import.skipped')}</span></>}
                </td>
                <td>
                  {d.household_id !== null
                    ? (
                      <a href={href(`/households/${d.household_id}`)} target="_blank" rel="noopener">
                        {t('dedup.householdLink', { id: d.household_id })}
                        <span class="visually-hidden"> {t('import.newTab')}</span>
                      </a>
                    )
                    : t('import.otherRow', { n: d.other_row ?? 0 })}
                  {': '}<bdi translate={false}>{d.other_name}</bdi>
                </td>
                <td class="num">{d.score.toFixed(1)}</td>
                <td>
                  <ul class="plain">
                    {d.reasons.map((r, j) => (
                      <li key={j}>
                        {t(reasonLabel(r.field))}: {r.weight >= 0 ? t('dedup.agrees') : t('dedup.differs')}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
