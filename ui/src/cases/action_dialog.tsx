// A button that opens a modal dialog with a small form (a reason, a caseworker, a date…).
// The dialog stays open with the error when the server refuses; a 409's own message (why
// the step is not possible now) is shown as the server wrote it.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { ErrorBox } from '../common/error_box';
import { useI18n } from '../i18n/i18n';
import { isStale } from './field_errors';

/**
 * An error box for a refused change: a stale version says the case changed (it has been
 * reloaded); another 409 or 422 shows the server's reason as it wrote it.
 */
export function RefusalBox({ error, stale }: { error: unknown; stale?: string }) {
  const { t } = useI18n();
  if (isStale(error)) return <p class="alert alert-warning" role="alert">{stale ?? t('workflow.stale')}</p>;
  if (error instanceof ApiError && (error.status === 409 || error.status === 422) && error.message) {
    return (
      <div class="alert alert-error" role="alert">
        <p>{t('workflow.refused')}</p>
        <p><q lang="en" dir="ltr" translate={false}>{error.message}</q></p>
      </div>
    );
  }
  return <ErrorBox error={error} />;
}

interface Props {
  id: string;
  label: ComponentChildren;
  title: string;
  text?: string;
  confirm: string;
  /** The label of the button that closes the dialog without doing anything. */
  dismiss?: string;
  buttonClass?: string;
  /**
   * Resolves when done (the dialog closes); resolves to false to keep it open (a client check
   * failed and its fields show why); throws to keep it open with the server's error.
   */
  onConfirm: () => Promise<boolean | void>;
  /** Called when the dialog opens, e.g. to reset its fields. */
  onOpen?: () => void;
  /** What a stale-version refusal says (the default speaks of a case). */
  stale?: string;
  children?: ComponentChildren;
}

export function ActionDialog({ id, label, title, text, confirm, dismiss, buttonClass, onConfirm, onOpen, stale, children }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      if ((await onConfirm()) !== false) dialog.current?.close();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" class={buttonClass ?? 'button'} onClick={() => {
        setError(null);
        onOpen?.();
        dialog.current?.showModal();
      }}>
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={text ? `${id}-text` : undefined}>
        <form method="dialog" noValidate onSubmit={submit} class="stack">
          <h2 id={`${id}-title`}>{title}</h2>
          {text && <p id={`${id}-text`}>{text}</p>}
          {children}
          <RefusalBox error={error} stale={stale} />
          <div class="actions">
            <button type="submit" class="button primary" disabled={busy}>{confirm}</button>
            <button type="button" class="button" onClick={() => dialog.current?.close()}>{dismiss ?? t('common.cancel')}</button>
          </div>
        </form>
      </dialog>
    </>
  );
}
