// One editable section of the case page (intake, consent, assessment, plan, details, closure):
// read-only until "Edit", then a form saved with PATCH and the case's version. A stale save
// (409: someone changed the case first) keeps everything typed, shows their version beside it,
// and lets the user save theirs over it or discard it and take the latest.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import type { ProtectionCase } from '../api/cases_types';
import { ErrorBox } from '../common/error_box';
import { useI18n } from '../i18n/i18n';
import { getCase, patchCase } from './cases_api';
import { errorsFor, fieldErrorsOf, isStale } from './field_errors';
import { ProblemList } from './problem_list';

interface Props<T> {
  name: string;
  title: string;
  kase: ProtectionCase;
  canEdit: boolean;
  /** The draft an edit starts from. */
  draftOf: (kase: ProtectionCase) => T;
  /** The PATCH body (without version) for a draft. */
  patchOf: (draft: T) => Record<string, unknown>;
  /** Client checks before sending; messages per field path. */
  check?: (draft: T) => FieldError[];
  view: (kase: ProtectionCase, quickSave: (draft: T) => void) => ComponentChildren;
  editor: (draft: T, setDraft: (draft: T) => void, errorsOf: (field: string) => string[] | undefined) => ComponentChildren;
  onSaved: (kase: ProtectionCase) => void;
}

export const sectionFieldId = (name: string, field: string) =>
  `sec-${name}-${field.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;

export function CaseSection<T>(props: Props<T>) {
  const { name, title, kase, canEdit, draftOf, patchOf, check, view, editor, onSaved } = props;
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<T | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [theirs, setTheirs] = useState<ProtectionCase | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const alertRef = useRef<HTMLDivElement>(null);
  const headingId = `sec-${name}-title`;

  const focusAlert = () => requestAnimationFrame(() => alertRef.current?.focus());

  const save = async (value: T, version: number) => {
    if (busy) return;
    setFailure(null);
    setNotice('');
    const problems = check ? check(value) : [];
    if (problems.length) {
      setDraft(value);
      setErrors(problems);
      focusAlert();
      return;
    }
    setBusy(true);
    try {
      const saved = await patchCase(kase.id, { ...patchOf(value), version });
      setDraft(null);
      setErrors([]);
      setTheirs(null);
      setNotice(t('case.sectionSaved', { section: title }));
      onSaved(saved);
    } catch (cause) {
      setDraft(value);
      if (isStale(cause)) {
        setErrors([]);
        setTheirs(await getCase(kase.id).catch(() => kase));
        focusAlert();
      } else {
        const list = fieldErrorsOf(cause, t, lang);
        setErrors(list);
        if (list.length) focusAlert();
        else setFailure(cause);
      }
    } finally {
      setBusy(false);
    }
  };

  const discard = () => {
    if (theirs) onSaved(theirs);
    setTheirs(null);
    setDraft(null);
    setErrors([]);
    setFailure(null);
  };

  return (
    <section class="case-section card" aria-labelledby={headingId}>
      <div class="section-head">
        <h2 id={headingId}>{title}</h2>
        {canEdit && draft === null && (
          <button type="button" class="button small" onClick={() => {
            setNotice('');
            setDraft(draftOf(kase));
          }}>
            {t('case.edit')}<span class="visually-hidden"> {title}</span>
          </button>
        )}
      </div>
      {notice && <p class="notice" role="status">{notice}</p>}
      {theirs && draft !== null && (
        <div class="alert alert-warning" role="alert" tabIndex={-1} ref={alertRef}>
          <h3>{t('case.conflictTitle')}</h3>
          <p>{t('case.conflict')}</p>
          <details>
            <summary>{t('case.conflictTheirs')}</summary>
            {view(theirs, () => undefined)}
          </details>
          <div class="actions">
            <button type="button" class="button primary" disabled={busy} onClick={() => void save(draft, theirs.version)}>
              {t('form.conflictOverwrite')}
            </button>
            <button type="button" class="button" disabled={busy} onClick={discard}>
              {t('form.conflictDiscard')}
            </button>
          </div>
        </div>
      )}
      {draft === null ? view(kase, (value) => void save(value, kase.version)) : (
        <form class="section-form" noValidate aria-labelledby={headingId}
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft, theirs ? theirs.version : kase.version);
          }}>
          {!theirs && (
            <ProblemList errors={errors} idOf={(field) => sectionFieldId(name, field)} summaryRef={alertRef} />
          )}
          <ErrorBox error={failure} />
          {editor(draft, setDraft, errorsFor(errors))}
          <div class="actions">
            <button type="submit" class="button primary" disabled={busy}>
              {busy ? t('common.saving') : t('case.saveSection', { section: title })}
            </button>
            <button type="button" class="button" disabled={busy} onClick={discard}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
