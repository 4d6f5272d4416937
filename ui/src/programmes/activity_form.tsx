// Record or edit an activity (`#/activities/new?project_id=`, `#/activities/{id}/edit`): its
// type decides which fields are asked (sessions, units of a kind, the trainees' organisation);
// with a project, the sector is one of the project's. Saving goes to the activity page.
import { useEffect, useRef, useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { ErrorBox, Loading } from '../common/error_box';
import { Field } from '../common/field';
import { SelectField } from '../common/select_field';
import { ProblemSummary } from '../common/problem_summary';
import { useAsync } from '../common/use_async';
import { refusalOf, useSave } from '../common/use_save';
import { enumLabel, useI18n, type MessageKey } from '../i18n/i18n';
import { mostSpecific, pcodesByLevel, placePath } from '../registry/places';
import { PlaceCascade } from '../stock/place_cascade';
import { blankActivity, checkActivity, draftOf, idOf, inputOf, usesSessions, type ActivityDraft } from './activity_model';
import { StaleKept } from './form_bits';
import { localName } from './labels';
import { createActivity, getActivity, officeChoices, projectChoices, updateActivity } from './programmes_api';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, SECTORS, UNIT_KINDS, type Activity } from './programmes_types';
import './programmes.css';

export function ActivityFormPage({ id, projectId }: { id?: number; projectId?: number }) {
  const activity = useAsync(() => (id ? getActivity(id) : Promise.resolve(null)), [id]);
  if (activity.error) return <section><ErrorBox error={activity.error} onRetry={activity.reload} /></section>;
  if (activity.loading) return <section><Loading /></section>;
  return <ActivityForm activity={activity.data} projectId={projectId} />;
}

const kLabels: Record<string, MessageKey> = {
  type: 'activity.type', sector: 'activity.sector', title: 'activity.titleField', project_id: 'activity.project',
  project: 'activity.project', office_id: 'activity.office', office: 'activity.office', pcode: 'activity.place',
  site: 'activity.site', starts_on: 'activity.startsOn', ends_on: 'activity.endsOn', status: 'activity.status',
  facilitator: 'activity.facilitator', sessions: 'activity.sessions', units: 'activity.units',
  unit_kind: 'activity.unitKind', trainee_organisation: 'activity.traineeOrganisation', note: 'activity.note',
};

function ActivityForm({ activity, projectId }: { activity: Activity | null; projectId?: number | undefined }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<ActivityDraft>(() => (activity ? draftOf(activity)
    : { ...blankActivity, project_id: projectId ? String(projectId) : '' }));
  const form = useSave(activity?.version);
  const summary = useRef<HTMLDivElement>(null);
  const projects = useAsync(projectChoices, []);
  const offices = useAsync(officeChoices, []);
  const errorsOf = form.errorsOf;
  const set = (patch: Partial<ActivityDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const project = (projects.data ?? []).find((p) => String(p.id) === draft.project_id) ?? null;
  const sectors = project?.sectors?.length ? project.sectors : SECTORS;

  useEffect(() => {
    if (activity?.pcode) placePath(activity.pcode).then((p) => set({ place: pcodesByLevel(p, 3) }), () => undefined);
  }, [activity?.id]);
  // A project's single sector and its office are the likely answers: filled in when still empty.
  useEffect(() => {
    if (!project) return;
    setDraft((d) => ({
      ...d,
      sector: d.sector && project.sectors.includes(d.sector) ? d.sector : project.sectors.length === 1 ? project.sectors[0]! : '',
      office_id: d.office_id || (project.office ? String(project.office.id) : ''),
    }));
  }, [project?.id]);

  const pcode = mostSpecific(draft.place);
  const submit = (event: Event) => form.save(event, {
    check: () => checkActivity(t, draft, pcode),
    send: async (version) => {
      const input = inputOf(draft, pcode, activity);
      const saved = activity ? await updateActivity(activity.id, { ...input, version }) : await createActivity(input);
      navigate(`/activities/${saved.id}`);
    },
    refusal: (cause) => refusalOf(cause, t, lang, {}, !!activity),
    latest: activity ? () => getActivity(activity.id) : undefined,
    // After the render that shows the summary.
    onErrors: () => window.setTimeout(() => summary.current?.focus(), 0),
  });

  const back = activity ? `/activities/${activity.id}` : project ? `/projects/${project.id}` : '/activities';
  return (
    <section aria-labelledby="activity-form-title">
      <p><a href={href(back)}>{activity ? t('activity.backToActivity') : project ? t('project.backToProject') : t('activity.back')}</a></p>
      <h1 id="activity-form-title">
        {activity ? t('activity.editTitle') : t('activity.newTitle')}{activity && <>: <bdi translate={false}>{activity.title}</bdi></>}
      </h1>
      <form class="stack" noValidate onSubmit={submit}>
        <ProblemSummary errors={form.errors} idOf={idOf} labelOf={(f) => (kLabels[f] ? t(kLabels[f]!) : f)} summaryRef={summary} />
        {form.stale && <StaleKept latest={activity && `/activities/${activity.id}`} />}
        <fieldset>
          <legend>{t('activity.what')}</legend>
          <div class="grid">
            <SelectField id="activity-type" label={t('activity.type')} errors={errorsOf('type')}
              value={draft.type} onChange={(type) => set({ type })}>
              {ACTIVITY_TYPES.map((x) => <option key={x} value={x}>{enumLabel(t, 'activityType', x)}</option>)}
            </SelectField>
            <Field id="activity-title" label={t('activity.titleField')} errors={errorsOf('title')}>
              {(c) => <input {...c} dir="auto" value={draft.title} onInput={(e) => set({ title: e.currentTarget.value })} />}
            </Field>
            <SelectField id="activity-project" label={`${t('activity.project')} ${t('common.optional')}`} errors={errorsOf('project_id') ?? errorsOf('project')}
              value={draft.project_id} onChange={(project_id) => set({ project_id })}>
              <option value="">{t('common.none')}</option>
              {(projects.data ?? []).map((p) => <option key={p.id} value={String(p.id)} translate={false}>{p.code} · {localName(lang, p)}</option>)}
              {draft.project_id && !project && <option value={draft.project_id}>{t('app.loading')}</option>}
            </SelectField>
            <SelectField id="activity-sector" label={t('activity.sector')} hint={project ? t('activity.sectorHint') : undefined} errors={errorsOf('sector')}
              value={draft.sector} onChange={(sector) => set({ sector })}>
              <option value="">{t('common.choose')}</option>
              {sectors.map((x) => <option key={x} value={x}>{enumLabel(t, 'sector', x)}</option>)}
            </SelectField>
            <SelectField id="activity-status" label={t('activity.status')} hint={t('activity.statusHint')} errors={errorsOf('status')}
              value={draft.status} onChange={(status) => set({ status })}>
              {ACTIVITY_STATUSES.filter((s) => s !== 'cancelled' || draft.status === 'cancelled')
                .map((x) => <option key={x} value={x}>{enumLabel(t, 'activityStatus', x)}</option>)}
            </SelectField>
            <Field id="activity-facilitator" label={`${t('activity.facilitator')} ${t('common.optional')}`} errors={errorsOf('facilitator')}>
              {(c) => <input {...c} dir="auto" value={draft.facilitator} onInput={(e) => set({ facilitator: e.currentTarget.value })} />}
            </Field>
            {usesSessions(draft.type) && (
              <Field id="activity-sessions" label={t('activity.sessions')} hint={t('activity.sessionsHint')} errors={errorsOf('sessions')}>
                {(c) => <input {...c} inputMode="numeric" dir="ltr" value={draft.sessions} onInput={(e) => set({ sessions: e.currentTarget.value })} />}
              </Field>
            )}
            {draft.type === 'rehabilitation' && (
              <>
                <Field id="activity-units" label={t('activity.units')} errors={errorsOf('units')}>
                  {(c) => <input {...c} inputMode="numeric" dir="ltr" value={draft.units} onInput={(e) => set({ units: e.currentTarget.value })} />}
                </Field>
                <SelectField id="activity-unit_kind" label={t('activity.unitKind')} errors={errorsOf('unit_kind')}
                  value={draft.unit_kind} onChange={(unit_kind) => set({ unit_kind })}>
                  {UNIT_KINDS.map((x) => <option key={x} value={x}>{enumLabel(t, 'unitKind', x)}</option>)}
                </SelectField>
              </>
            )}
            {draft.type === 'training' && (
              <Field id="activity-trainee_organisation" label={`${t('activity.traineeOrganisation')} ${t('common.optional')}`} errors={errorsOf('trainee_organisation')}>
                {(c) => <input {...c} dir="auto" value={draft.trainee_organisation} onInput={(e) => set({ trainee_organisation: e.currentTarget.value })} />}
              </Field>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('activity.whereWhen')}</legend>
          <div class="grid">
            <SelectField id="activity-office" label={`${t('activity.office')} ${t('common.optional')}`} errors={errorsOf('office_id') ?? errorsOf('office')}
              value={draft.office_id} onChange={(office_id) => set({ office_id })}>
              <option value="">{t('common.none')}</option>
              {(offices.data ?? []).map((o) => <option key={o.id} value={String(o.id)} translate={false}>{localName(lang, o)}</option>)}
            </SelectField>
            <Field id="activity-site" label={`${t('activity.site')} ${t('common.optional')}`} errors={errorsOf('site')}>
              {(c) => <input {...c} dir="auto" value={draft.site} onInput={(e) => set({ site: e.currentTarget.value })} />}
            </Field>
            <Field id="activity-starts_on" label={t('activity.startsOn')} errors={errorsOf('starts_on')}>
              {(c) => <input {...c} type="date" value={draft.starts_on} onInput={(e) => set({ starts_on: e.currentTarget.value })} />}
            </Field>
            <Field id="activity-ends_on" label={`${t('activity.endsOn')} ${t('common.optional')}`} errors={errorsOf('ends_on')}>
              {(c) => <input {...c} type="date" value={draft.ends_on} onInput={(e) => set({ ends_on: e.currentTarget.value })} />}
            </Field>
          </div>
          <PlaceCascade idPrefix="activity" legend={t('activity.place')} value={draft.place} errors={errorsOf('pcode')}
            onChange={(place) => set({ place })} />
        </fieldset>
        <Field id="activity-note" label={`${t('activity.note')} ${t('common.optional')}`} errors={errorsOf('note')}>
          {(c) => <textarea {...c} dir="auto" rows={3} value={draft.note} onInput={(e) => set({ note: e.currentTarget.value })} />}
        </Field>
        <ErrorBox error={form.failure} />
        <div class="actions form-actions">
          <button type="submit" class="button primary" disabled={form.busy}>{form.busy ? t('common.saving') : t('activity.save')}</button>
          <a class="button" href={href(back)}>{t('common.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
