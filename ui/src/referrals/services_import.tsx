// Import services from a CSV file (columns type, name, pcode, contact_name, contact_phone,
// contact_email, eligibility): all or nothing. The server's problems are listed by line and
// column, its reasons shown as it wrote them (English, marked as data).
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { ErrorBox } from '../common/error_box';
import { useI18n } from '../i18n/i18n';
import { Filled, kFormats } from '../import/filled';
import { importServices } from './services_api';

export interface ImportProblem { line: string; column: string; reason: string }

const kMaxBytes = 8 * 1024 * 1024;

/** The problems of a refused import, wherever the answer keeps them. */
export function importProblems(body: unknown): ImportProblem[] {
  const b = body as Record<string, unknown> | null;
  const error = (b?.error ?? null) as Record<string, unknown> | null;
  const list = [b?.problems, b?.errors, error?.problems, error?.errors, error?.fields].find(Array.isArray) as unknown[] | undefined;
  if (!list) return [];
  return list.map((raw) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    return {
      line: text(item.line ?? item.row),
      column: text(item.column ?? item.field),
      reason: text(item.reason ?? item.message),
    };
  });
}

function importedCount(body: unknown): number | null {
  const b = body as Record<string, unknown> | null;
  if (Array.isArray(b?.service_ids)) return (b.service_ids as unknown[]).length;
  for (const key of ['services', 'count', 'created']) {
    if (typeof b?.[key] === 'number') return b[key] as number;
  }
  if (Array.isArray(b?.items)) return (b.items as unknown[]).length;
  return null;
}

export function ServicesImport({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<'' | 'choose' | 'wrong'>('');

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblems(null);
    setFailure(null);
    setDone('');
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
      const answer = await importServices(new Blob([await file.text()], { type: 'text/csv' }), file.name);
      const n = importedCount(answer);
      setDone(n === null ? t('services.imported') : t('services.importedN', { n }));
      onImported();
    } catch (cause) {
      const list = cause instanceof ApiError ? importProblems(cause.body) : [];
      if (list.length) setProblems(list);
      else setFailure(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="svc-import-title">
      <h2 id="svc-import-title"><Filled text={t('services.importTitle')} parts={kFormats} /></h2>
      <p>{t('services.importIntro')}</p>
      <p class="csv-columns"><code dir="ltr" translate={false}>type,name,pcode,contact_name,contact_phone,contact_email,eligibility</code></p>
      <form class="stack" noValidate onSubmit={submit}>
        <div class={`field${invalid ? ' has-error' : ''}`}>
          <label for="svc-import-file">{t('services.importFile')}</label>
          <input id="svc-import-file" type="file" accept=".csv,text/csv"
            aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? 'svc-import-error' : undefined}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setInvalid('');
            }} />
          {invalid && (
            <p id="svc-import-error" class="field-error">
              {invalid === 'choose' ? t('services.importChoose') : <Filled text={t('services.importWrongFile')} parts={kFormats} />}
            </p>
          )}
        </div>
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>{busy ? t('services.importing') : t('services.import')}</button>
        </div>
      </form>
      {done && <p class="alert alert-ok" role="status">{done}</p>}
      <ErrorBox error={failure} />
      {problems && (
        <div class="alert alert-error" role="alert">
          <p>{t('services.importFailed', { n: problems.length })}</p>
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
    </section>
  );
}
