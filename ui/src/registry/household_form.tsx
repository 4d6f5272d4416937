// Register a household (no id) or edit one (id): PATCH with `version`. A 409 (someone else saved
// first) keeps everything typed and lets the user save over the newer version or discard and reload.
// Client checks catch obvious mistakes; the server's 422 `fields` are shown next to the inputs
// they name and listed in a summary at the top.
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, type FieldError } from '../api/client';
import { DISPLACEMENT_STATUSES, type Household, type Place } from '../api/types';
import { href, navigate } from '../app/router';
import { ErrorBox, Loading } from '../common/error_box';
import { Field } from '../common/field';
import { useAsync } from '../common/use_async';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from './error_summary';
import { reasonText } from './field_labels';
import {
  check, draftFromHousehold, emptyDraft, emptyMember, errorMap, fieldId, kMaxMembers, toPayload,
  type HouseholdDraft,
} from './form_model';
import { PlaceSelect } from './place_select';
import { MemberFieldset } from './member_fieldset';
import { PossibleDuplicates } from './possible_duplicates';
import { placePath } from './places';

interface Loaded { household: Household; draft: HouseholdDraft }

async function loadForEdit(id: number): Promise<Loaded> {
  const household = await api.get<Household>(`/households/${id}`);
  const [locationPath, originPath] = await Promise.all([
    placePath(household.location.pcode),
    household.origin?.pcode ? placePath(household.origin.pcode) : Promise.resolve<Place[]>([]),
  ]);
  return { household, draft: draftFromHousehold(household, locationPath, originPath) };
}

export function HouseholdForm({ id }: { id?: number }) {
  const { t, lang } = useI18n();
  const loaded = useAsync(() => (id === undefined ? Promise.resolve(null) : loadForEdit(id)), [id]);
  const [draft, setDraft] = useState<HouseholdDraft | null>(id === undefined ? emptyDraft() : null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Household | null>(null);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (loaded.data) {
      setDraft(loaded.data.draft);
      setVersion(loaded.data.household.version);
      setConflict(null);
      setErrors([]);
    }
  }, [loaded.data]);

  const showErrors = (list: FieldError[]) => {
    setErrors(list);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = (event: Event) => {
    event.preventDefault();
    void save(version);
  };

  const save = async (asVersion: number | undefined) => {
    if (!draft || busy) return;
    setFailure(null);
    setConflict(null);
    const problems = check(draft, t);
    if (problems.length) {
      showErrors(problems);
      return;
    }
    setBusy(true);
    try {
      const saved = id === undefined
        ? await api.post<Household>('/households', toPayload(draft))
        : await api.patch<Household>(`/households/${id}`, toPayload(draft, asVersion));
      navigate(`/households/${saved.id ?? id}`);
    } catch (cause) {
      setBusy(false);
      if (cause instanceof ApiError && cause.status === 422 && cause.fields.length) {
        showErrors(cause.fields.map((f) => ({ ...f, reason: reasonText(t, lang, f.reason) })));
      } else if (cause instanceof ApiError && cause.status === 409 && id !== undefined) {
        setErrors([]);
        setConflict(await api.get<Household>(`/households/${id}`).catch(() => null) ?? loaded.data?.household ?? null);
        requestAnimationFrame(() => conflictRef.current?.focus());
      } else {
        setErrors([]);
        setFailure(cause);
      }
    }
  };

  const title = id === undefined ? t('form.titleNew') : t('form.titleEdit', { id });
  const cancelHref = id === undefined ? href('/households') : href(`/households/${id}`);

  return (
    <section aria-labelledby="form-title">
      <h1 id="form-title">{title}</h1>
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {loaded.loading && id !== undefined && !draft && <Loading />}
      {draft && (
        <form class="household-form" noValidate onSubmit={submit}>
          {conflict && (
            <div class="alert alert-warning" role="alert" tabIndex={-1} ref={conflictRef}>
              <h2>{t('form.conflictTitle')}</h2>
              <p>{t('form.conflict')}</p>
              <p>
                <a href={href(`/households/${conflict.id}`)} target="_blank" rel="noopener">
                  {t('form.conflictOpen')}
                </a>
              </p>
              <div class="actions">
                <button type="button" class="button primary" disabled={busy}
                  onClick={() => {
                    setVersion(conflict.version);
                    void save(conflict.version);
                  }}>
                  {t('form.conflictOverwrite')}
                </button>
                <button type="button" class="button" disabled={busy} onClick={loaded.reload}>
                  {t('form.conflictDiscard')}
                </button>
              </div>
            </div>
          )}
          <ErrorSummary errors={errors} summaryRef={summaryRef} />
          <ErrorBox error={failure} />
          <Body draft={draft} setDraft={setDraft} errors={errors} clearErrors={() => setErrors([])}
            householdId={id} />
          <div class="actions form-actions">
            <button type="submit" class="button primary" disabled={busy}>
              {busy ? t('common.saving') : t('form.save')}
            </button>
            <a class="button" href={cancelHref}>{t('common.cancel')}</a>
          </div>
        </form>
      )}
    </section>
  );
}

interface BodyProps {
  draft: HouseholdDraft;
  setDraft: (draft: HouseholdDraft) => void;
  errors: FieldError[];
  clearErrors: () => void;
  householdId?: number;
}

function Body({ draft, setDraft, errors, clearErrors, householdId }: BodyProps) {
  const { t } = useI18n();
  const map = errorMap(errors);
  const set = (patch: Partial<HouseholdDraft>) => setDraft({ ...draft, ...patch });
  const setLocation = (level: number, pcode: string) =>
    set({ location: draft.location.map((v, i) => (i < level ? v : i === level ? pcode : '')) });
  const setOrigin = (level: number, pcode: string) =>
    set({ origin: draft.origin.map((v, i) => (i < level ? v : i === level ? pcode : '')) });
  const membersErrors = map.get('members');

  return (
    <>
      <fieldset>
        <legend>{t('form.household')}</legend>
        <div class="grid">
          <Field id={fieldId('displacement_status')} label={t('household.status')} errors={map.get('displacement_status')}>
            {(control) => (
              <select {...control} required value={draft.displacement_status}
                onChange={(e) => set({ displacement_status: e.currentTarget.value })}>
                <option value="">{t('common.choose')}</option>
                {DISPLACEMENT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
              </select>
            )}
          </Field>
          <Field id={fieldId('phone')} label={t('form.phone')} hint={t('form.phoneHint')} errors={map.get('phone')}>
            {(control) => (
              <input {...control} type="tel" dir="ltr" autoComplete="off" value={draft.phone}
                onInput={(e) => set({ phone: e.currentTarget.value })} />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('form.location')}</legend>
        <div class="grid">
          {(['households.governorate', 'households.district', 'form.subdistrict'] as const).map((label, level) => {
            const id = level === 0 ? fieldId('location.pcode') : `f-location-${level + 1}`;
            return (
              <Field key={label} id={id} label={t(label)} errors={level === 0 ? map.get('location.pcode') : undefined}>
                {(control) => (
                  <PlaceSelect id={id} level={level + 1} parent={level === 0 ? '' : draft.location[level - 1] ?? ''}
                    value={draft.location[level] ?? ''} emptyLabel={t('common.choose')}
                    describedBy={control['aria-describedby']} invalid={!!control['aria-invalid']}
                    onChange={(pcode) => setLocation(level, pcode)} />
                )}
              </Field>
            );
          })}
          <Field id={fieldId('location.site')} label={t('form.site')} errors={map.get('location.site')} class="field-wide">
            {(control) => (
              <input {...control} dir="auto" autoComplete="off" value={draft.site}
                onInput={(e) => set({ site: e.currentTarget.value })} />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('form.origin')} <span class="muted">{t('common.optional')}</span></legend>
        <div class="grid">
          {(['households.governorate', 'households.district'] as const).map((label, level) => {
            const id = level === 0 ? fieldId('origin.pcode') : `f-origin-${level + 1}`;
            return (
              <Field key={label} id={id} label={t(label)} errors={level === 0 ? map.get('origin.pcode') : undefined}>
                {(control) => (
                  <PlaceSelect id={id} level={level + 1} parent={level === 0 ? '' : draft.origin[level - 1] ?? ''}
                    value={draft.origin[level] ?? ''} emptyLabel={t('common.choose')}
                    describedBy={control['aria-describedby']} invalid={!!control['aria-invalid']}
                    onChange={(pcode) => setOrigin(level, pcode)} />
                )}
              </Field>
            );
          })}
        </div>
      </fieldset>

      <section class="members" aria-labelledby="members-heading" id={fieldId('members')} tabIndex={-1}>
        <h2 id="members-heading">{t('form.members')}</h2>
        {membersErrors && <p class="field-error">{membersErrors.join(' ')}</p>}
        {draft.members.map((member, index) => (
          <Fragment key={member.key}>
            <MemberFieldset index={index} member={member} errors={map}
              canRemove={draft.members.length > 1}
              onChange={(next) => set({ members: draft.members.map((m) => (m.key === next.key ? next : m)) })}
              onRemove={() => {
                clearErrors();
                set({ members: draft.members.filter((m) => m.key !== member.key) });
              }} />
            <PossibleDuplicates draft={draft} member={member} index={index} householdId={householdId} />
          </Fragment>
        ))}
        <button type="button" class="button" disabled={draft.members.length >= kMaxMembers}
          onClick={() => {
            clearErrors();
            set({ members: [...draft.members, emptyMember()] });
          }}>
          {t('form.addMember')}
        </button>
      </section>
    </>
  );
}
