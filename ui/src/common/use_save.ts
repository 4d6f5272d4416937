// The state of a form that saves one record (field errors, a failure for the error box, a stale
// refusal, a save in flight, the version the next save goes over) and its submit flow, so every
// such form checks, sends and reads a refusal the same way. Which refusal means what is the
// caller's: each area words its conflicts and stale saves in its own way.
import { useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { errorsFor } from '../cases/field_errors';

/** What a refused save means for the form. */
export interface Refusal { errors: FieldError[]; stale: boolean; failure: unknown }

export interface SaveSteps {
  /** Problems found before sending; any stops the save. */
  check: () => FieldError[];
  /** Sends the record (`version` is for an edit) and goes on with what was saved. */
  send: (version: number) => Promise<void>;
  refusal: (cause: unknown) => Refusal;
  /**
   * The record as it is now, fetched after a stale refusal: the next save goes over its version
   * while the input stays as typed. Absent where a stale save is only reported.
   */
  latest?: (() => Promise<{ version: number }>) | undefined;
  /** Runs when field errors are shown (a page whose problem summary takes focus). */
  onErrors?: () => void;
}

export function useSave(initialVersion = 0) {
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (event: Event, steps: SaveSteps) => {
    event.preventDefault();
    // A second press while saving would send the same record twice.
    if (busy) return;
    setFailure(null);
    const problems = steps.check();
    setErrors(problems);
    if (problems.length) {
      steps.onErrors?.();
      return;
    }
    setBusy(true);
    try {
      await steps.send(version);
    } catch (cause) {
      const refusal = steps.refusal(cause);
      setErrors(refusal.errors);
      setFailure(refusal.failure);
      setStale(refusal.stale);
      if (refusal.errors.length) steps.onErrors?.();
      if (refusal.stale && steps.latest) {
        const latest = await steps.latest().catch(() => null);
        if (latest) setVersion(latest.version);
      }
    } finally {
      setBusy(false);
    }
  };

  return { errors, errorsOf: errorsFor(errors), failure, stale, busy, save };
}

export type SaveState = ReturnType<typeof useSave>;
