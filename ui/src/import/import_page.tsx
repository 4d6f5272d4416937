// Import households: choose a CSV or XLSX file of one row per person, check it (a dry run that
// lists every problem by row and column, and the probable duplicates), then import it all at
// once after a confirmation. The Import button only works for the file and options last
// checked successfully. For admin, supervisor, me_officer and registration.
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { href } from '../app/router';
import { useSession } from '../auth/session';
import { ErrorBox } from '../common/error_box';
import { Field } from '../common/field';
import { useI18n } from '../i18n/i18n';
import {
  DUPLICATE_POLICIES, fileKind, importHouseholds, kMaxFileBytes, wouldImport,
  type DuplicatePolicy, type ImportReport,
} from './import_api';
import { Filled, kFormats } from './filled';
import { ImportReportView } from './import_report';

/** The file and options a report was made for: the Import button needs an exact match. */
interface Checked { file: File; sheet: string; policy: DuplicatePolicy; report: ImportReport }

type Busy = 'checking' | 'importing' | null;

export function ImportPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState('');
  const [policy, setPolicy] = useState<DuplicatePolicy>('refuse');
  const [busy, setBusy] = useState<Busy>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const kind = file ? fileKind(file) : null;
  const fileError = !file ? null : !kind ? <Filled text={t('import.wrongType')} parts={kFormats} />
    : file.size > kMaxFileBytes ? t('import.tooLarge') : null;
  const current = checked && checked.file === file && checked.sheet === sheet && checked.policy === policy
    ? checked : null;
  const ready = !!current && wouldImport(current.report, policy);

  // Any change of file or options makes the last check stale.
  const changed = () => {
    setChecked(null);
    setResult(null);
    setError(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file || fileError) return;
    setBusy(dryRun ? 'checking' : 'importing');
    setError(null);
    setResult(null);
    try {
      const report = await importHouseholds(file, { dryRun, duplicates: policy, sheet });
      if (dryRun) {
        setChecked({ file, sheet, policy, report });
      } else {
        dialog.current?.close();
        setChecked(null);
        setResult(report);
      }
    } catch (cause) {
      dialog.current?.close();
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  const startOver = () => {
    if (fileInput.current) fileInput.current.value = '';
    setFile(null);
    setSheet('');
    setPolicy('refuse');
    changed();
  };

  if (result?.imported) {
    return (
      <section aria-labelledby="import-title">
        <h1 id="import-title">{t('import.title')}</h1>
        <div class="card" role="status">
          <h2>{t('import.doneTitle')}</h2>
          <p>{t('import.done', { households: result.households_imported, people: result.people_imported })}</p>
          {result.households_skipped > 0 && <p>{t('import.doneSkipped', { n: result.households_skipped })}</p>}
          <div class="actions">
            <a class="button primary" href={href('/households')}>{t('import.toList')}</a>
            <button type="button" class="button" onClick={startOver}>{t('import.another')}</button>
          </div>
        </div>
      </section>
    );
  }

  const toCreate = current ? current.report.households - current.report.households_skipped : 0;
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('import.title')}</h1>
      <p class="muted">{t('import.intro')}</p>
      <p class="hint">
        {t('import.required')}{' '}
        <bdi translate={false}>
          <code>household_ref</code>, <code>displacement_status</code>, <code>location_pcode</code>,{' '}
          <code>given_name</code>, <code>sex</code>, <code>relationship</code>
        </bdi>
      </p>
      <form class="card import-form" onSubmit={(e) => { e.preventDefault(); void run(true); }}>
        <div class={`field${fileError ? ' has-error' : ''}`}>
          <label for="import-file">{t('import.file')}</label>
          <input id="import-file" ref={fileInput} type="file" disabled={busy !== null}
            aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
            aria-invalid={fileError ? true : undefined}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              changed();
            }} />
          <p id="import-file-hint" class="hint"><Filled text={t('import.fileHint')} parts={kFormats} /></p>
          {fileError && <p id="import-file-error" class="field-error">{fileError}</p>}
        </div>
        {kind === 'xlsx' && (
          <Field id="import-sheet" label={t('import.sheet')} hint={t('import.sheetHint')}>
            {(control) => (
              <input {...control} type="text" dir="auto" value={sheet} disabled={busy !== null}
                onInput={(e) => {
                  setSheet(e.currentTarget.value);
                  changed();
                }} />
            )}
          </Field>
        )}
        <fieldset class="import-policy" disabled={busy !== null}>
          <legend>{t('import.policy')}</legend>
          {DUPLICATE_POLICIES.map((p) => (
            <div key={p} class="radio-option">
              <input type="radio" id={`import-policy-${p}`} name="import-policy" value={p}
                checked={policy === p} aria-describedby={`import-policy-${p}-hint`}
                onChange={() => {
                  setPolicy(p);
                  changed();
                }} />
              <label for={`import-policy-${p}`}>{t(`import.policy.${p}`)}</label>
              <p id={`import-policy-${p}-hint`} class="hint">{t(`import.policy.${p}.hint`)}</p>
            </div>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="button" disabled={!file || !!fileError || busy !== null}>
            {t('import.check')}
          </button>
          <button type="button" class="button primary" disabled={!ready || busy !== null}
            aria-describedby="import-ready" onClick={() => dialog.current?.showModal()}>
            {t('import.import')}
          </button>
        </div>
        <p id="import-ready" class="hint">
          {!file ? t('import.chooseFirst') : ready ? t('import.readyHint') : t('import.checkFirst')}
        </p>
      </form>
      {busy && <p role="status" class="muted">{t(busy === 'checking' ? 'import.checking' : 'import.importing')}</p>}
      {error instanceof ApiError && error.status === 413
        ? <div class="alert alert-error" role="alert"><p>{t('import.tooLarge')}</p></div>
        : <ErrorBox error={error} />}
      {result && !result.imported && (
        <>
          <div class="alert alert-error" role="alert"><p>{t('import.nothingImported')}</p></div>
          <ImportReportView report={result} policy={policy} />
        </>
      )}
      {current && !busy && (
        <>
          {ready
            ? <div class="alert alert-ok" role="status"><p>{current.report.households_skipped > 0
              ? t('import.checkOkSkipped', { households: toCreate, skipped: current.report.households_skipped })
              : t('import.checkOk', { households: toCreate, people: current.report.people })}</p></div>
            : <div class="alert alert-error" role="alert"><p>{current.report.problems.length === 0 && toCreate === 0
              ? t(current.report.households > 0 ? 'import.allSkipped' : 'import.empty')
              : t('import.checkFailed')}</p></div>}
          <ImportReportView report={current.report} policy={policy} />
        </>
      )}
      <dialog ref={dialog} aria-labelledby="import-confirm-title" aria-describedby="import-confirm-text">
        <h2 id="import-confirm-title">{t('import.confirmTitle')}</h2>
        <p id="import-confirm-text">
          {current && current.report.households_skipped > 0
            ? t('import.confirmSkipped', { households: toCreate, skipped: current.report.households_skipped })
            : t('import.confirmText', { households: toCreate, people: current?.report.people ?? 0 })}{' '}
          {t('import.confirmOrg')} <bdi translate={false}>{user.organisation.name}</bdi>
        </p>
        <div class="actions">
          <button type="button" class="button" onClick={() => dialog.current?.close()}>{t('common.cancel')}</button>
          <button type="button" class="button primary" disabled={busy !== null} onClick={() => void run(false)}>
            {t('import.confirmImport')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
