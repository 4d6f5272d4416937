// The state of a form that saves one record (field errors, a failure for the error box, a stale
// refusal, a save in flight, the version the next save goes over) and its submit flow, so every
// such form checks, sends and reads a refusal the same way. refusalOf reads the usual refusals;
// which refusal means what is the caller's: each area words its conflicts and stale saves.
import { useState } from 'preact/hooks';
import { ApiError, type FieldError } from '../api/client';
import { errorsFor, fieldErrorsOf, isStale } from '../cases/field_errors';
import type { Lang, Translate } from '../i18n/i18n';

/** What a refused save means for the form. */
export interface Refusal { errors: FieldError[]; stale: boolean; failure: unknown }

/**
 * Reads a refused save: a stale version (the caller keeps the input and fetches the latest
 * version), a 409 naming a field that must be unique (`conflicts[field]` is its message), 422
 * field errors, or anything else as a failure shown in an error box.
 */
export function refusalOf(cause: unknown, t: Translate, lang: Lang, conflicts: Record<string, string>, editing: boolean): Refusal {
  if (cause instanceof ApiError && cause.status === 409) {
    const named = (cause.fields ?? []).map((f) => f.field).filter((f) => conflicts[f]);
    if (named.length) return { errors: named.map((f) => ({ field: f, reason: conflicts[f]! })), stale: false, failure: null };
    if (editing && isStale(cause)) return { errors: [], stale: true, failure: null };
    // A new record cannot be stale: its 409 is the one field that must be unique.
    const first = Object.keys(conflicts)[0];
    if (!editing && first) return { errors: [{ field: first, reason: conflicts[first]! }], stale: false, failure: null };
    return { errors: [], stale: false, failure: cause };
  }
  const errors = fieldErrorsOf(cause, t, lang);
  return { errors, stale: false, failure: errors.length ? null : cause };
}

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
