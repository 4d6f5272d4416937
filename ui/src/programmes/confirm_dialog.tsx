// A modal question opened by the caller after its own checks passed ("Record 1,250 USD?"):
// confirming runs `onConfirm`; a refusal keeps the dialog open with the reason, unless the
// caller closes it to show field errors in its form.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { RefusalBox } from '../cases/action_dialog';

interface Props {
  id: string;
  open: boolean;
  title: string;
  confirm: string;
  dismiss: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  children?: ComponentChildren;
}

export function ConfirmDialog({ id, open, title, confirm, dismiss, onConfirm, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setError(null);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={onClose}>
      <form method="dialog" noValidate onSubmit={submit} class="stack">
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-text`}>{children}</div>
        <RefusalBox error={error} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>{confirm}</button>
          <button type="button" class="button" onClick={() => dialog.current?.close()}>{dismiss}</button>
        </div>
      </form>
    </dialog>
  );
}
