// Reconciling a cash round with the payment provider's CSV: a check first (dry run: nothing is
// written), problems listed by line and column as the services import does, then Apply — only
// for the exact file that passed the check. After applying, what changed and every difference
// (amount paid ≠ due, failed, returned, transfers the file does not mention) are shown.
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { ErrorBox } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { useI18n } from '../i18n/i18n';
import { Filled, kFormats } from '../import/filled';
import { importProblems, type ImportProblem } from '../referrals/services_import';
import { reconcile, reconciliationReport } from './assistance_api';
import { ReportView } from './figures';

const kMaxBytes = 8 * 1024 * 1024;

export function Reconciliation({ distributionId, onApplied }: { distributionId: number; onApplied: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<File | null>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [result, setResult] = useState<{ dry: boolean; body: unknown } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<'' | 'choose' | 'wrong'>('');
  const report = useAsync(() => reconciliationReport(distributionId), [distributionId]);

  const send = async (dry: boolean) => {
    setProblems(null);
    setFailure(null);
    setResult(null);
    if (!file) {
      setInvalid('choose');
      return;
    }
    if (!file.name.toLowerCase().endsWith('.csv') || file.size > kMaxBytes) {
      setInvalid('wrong');
      return;
    }
    setInvalid('');
    setBusy(true);
    try {
      const body = await reconcile(distributionId, new Blob([await file.text()], { type: 'text/csv' }), dry);
      setResult({ dry, body });
      setChecked(dry ? file : null);
      if (!dry) {
        onApplied();
        report.reload();
      }
    } catch (cause) {
      setChecked(null);
      const list = cause instanceof ApiError ? importProblems(cause.body) : [];
      if (list.length) setProblems(list);
      else setFailure(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="recon-title">
      <h2 id="recon-title">{t('recon.title')}</h2>
      <p><Filled text={t('recon.intro')} parts={kFormats} /></p>
      <p class="csv-columns"><code dir="ltr" translate={false}>reference,provider_reference,amount,currency,status,date,reason</code></p>
      <div class={`field${invalid ? ' has-error' : ''}`}>
        <label for="recon-file"><Filled text={t('recon.file')} parts={kFormats} /></label>
        <input id="recon-file" type="file" accept=".csv,text/csv"
          aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? 'recon-error' : undefined}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setChecked(null);
            setResult(null);
            setProblems(null);
            setInvalid('');
          }} />
        {invalid && <p id="recon-error" class="field-error">{invalid === 'choose' ? t('recon.choose') : <Filled text={t('recon.wrongFile')} parts={kFormats} />}</p>}
      </div>
      <div class="actions">
        <button type="button" class="button" disabled={busy} onClick={() => send(true)}>{t('recon.check')}</button>
        <button type="button" class="button primary" disabled={busy || !file || checked !== file} onClick={() => send(false)}>
          {t('recon.apply')}
        </button>
      </div>
      {!checked && file && !problems && !result && <p class="hint">{t('recon.checkFirst')}</p>}
      <ErrorBox error={failure} />
      {problems && (
        <div class="alert alert-error" role="alert">
          <p>{t('recon.refused', { n: problems.length })}</p>
          <div class="table-scroll">
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">{t('services.importLine')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i}>
                    <td dir="ltr">{p.line || t('import.wholeFile')}</td>
                    <td><bdi translate={false} dir="ltr">{p.column || t('import.wholeRow')}</bdi></td>
                    <td lang="en" dir="ltr" translate={false}>{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {result && (
        <div class={`alert ${result.dry ? 'alert-warning' : 'alert-ok'}`} role="status">
          <p>{result.dry ? t('recon.checked') : t('recon.applied')}</p>
          <ReportView report={result.body} />
        </div>
      )}
      <h3>{t('recon.state')}</h3>
      <ErrorBox error={report.error} onRetry={report.reload} />
      {report.data != null && <ReportView report={report.data} />}
    </section>
  );
}
