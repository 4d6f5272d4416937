// Create or edit a project (`#/projects/new`, `#/projects/{id}/edit`): code, names, donor,
// sectors, status, dates, office, places, currency and budget, and whether it is public.
// Saving goes to the project page; a stale save keeps the input and offers to save again.
import { useRef, useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { Check } from '../common/check';
import { ErrorBox, Loading } from '../common/error_box';
import { Field } from '../common/field';
import { SelectField } from '../common/select_field';
import { ProblemSummary } from '../common/problem_summary';
import { useAsync } from '../common/use_async';
import { refusalOf, useSave } from '../common/use_save';
import { enumLabel, useI18n, type MessageKey } from '../i18n/i18n';
import { MultiCheck, StaleKept } from './form_bits';
import { localName } from './labels';
import { PlacesPicker } from './places_picker';
import { createProject, getProject, officeChoices, updateProject } from './programmes_api';
import { CURRENCIES, PROJECT_STATUSES, SECTORS, type Project } from './programmes_types';
import { blankProject, checkProject, draftOf, idOf, inputOf, type ProjectDraft } from './project_model';
import './programmes.css';

export function ProjectFormPage({ id }: { id?: number }) {
  const project = useAsync(() => (id ? getProject(id) : Promise.resolve(null)), [id]);
  if (project.error) return <section><ErrorBox error={project.error} onRetry={project.reload} /></section>;
  if (project.loading) return <section><Loading /></section>;
  return <ProjectForm project={project.data} />;
}

const kLabels: Record<string, MessageKey> = {
  code: 'project.code', name: 'project.name', name_ar: 'project.nameAr', description: 'project.description',
  donor: 'project.donor', sectors: 'project.sectors', status: 'project.status', starts_on: 'project.startsOn',
  ends_on: 'project.endsOn', office_id: 'project.office', office: 'project.office', places: 'project.places',
  pcodes: 'project.places', currency: 'project.currency', budget: 'project.budget', public: 'project.publicLabel',
};

function ProjectForm({ project }: { project: Project | null }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<ProjectDraft>(project ? draftOf(project) : blankProject);
  const form = useSave(project?.version);
  const summary = useRef<HTMLDivElement>(null);
  const offices = useAsync(officeChoices, []);
  const errorsOf = form.errorsOf;
  const set = (patch: Partial<ProjectDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: Event) => form.save(event, {
    check: () => checkProject(t, draft),
    send: async (version) => {
      const input = inputOf(draft);
      const saved = project ? await updateProject(project.id, { ...input, version }) : await createProject(input);
      navigate(`/projects/${saved.id}`);
    },
    refusal: (cause) => refusalOf(cause, t, lang, { code: t('project.codeTaken') }, !!project),
    latest: project ? () => getProject(project.id) : undefined,
    // After the render that shows the summary.
    onErrors: () => window.setTimeout(() => summary.current?.focus(), 0),
  });

  const title = project ? t('project.editTitle') : t('project.newTitle');
  return (
    <section aria-labelledby="project-form-title">
      <p><a href={href(project ? `/projects/${project.id}` : '/projects')}>{project ? t('project.backToProject') : t('project.back')}</a></p>
      <h1 id="project-form-title">{title}{project && <>: <bdi translate={false}>{localName(lang, project)}</bdi></>}</h1>
      <form class="stack" noValidate onSubmit={submit}>
        <ProblemSummary errors={form.errors} idOf={idOf} labelOf={(f) => { const k = kLabels[f.replace(/[.[].*$/, '')]; return k ? t(k) : f; }} summaryRef={summary} />
        {form.stale && <StaleKept latest={project && `/projects/${project.id}`} />}
        <fieldset>
          <legend>{t('project.general')}</legend>
          <div class="grid">
            <Field id="project-code" label={t('project.code')} hint={t('project.codeHint')} errors={errorsOf('code')}>
              {(c) => <input {...c} dir="ltr" autoComplete="off" value={draft.code} onInput={(e) => set({ code: e.currentTarget.value })} />}
            </Field>
            <Field id="project-name" label={t('project.name')} errors={errorsOf('name')}>
              {(c) => <input {...c} dir="auto" value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
            </Field>
            <Field id="project-name_ar" label={`${t('project.nameAr')} ${t('common.optional')}`} errors={errorsOf('name_ar')}>
              {(c) => <input {...c} dir="rtl" lang="ar" value={draft.name_ar} onInput={(e) => set({ name_ar: e.currentTarget.value })} />}
            </Field>
            <Field id="project-donor" label={`${t('project.donor')} ${t('common.optional')}`} errors={errorsOf('donor')}>
              {(c) => <input {...c} dir="auto" value={draft.donor} onInput={(e) => set({ donor: e.currentTarget.value })} />}
            </Field>
            <SelectField id="project-status" label={t('project.status')} errors={errorsOf('status')}
              value={draft.status} onChange={(status) => set({ status })}>
              {PROJECT_STATUSES.map((s) => <option key={s} value={s}>{enumLabel(t, 'projectStatus', s)}</option>)}
            </SelectField>
            <SelectField id="project-office" label={`${t('project.office')} ${t('common.optional')}`} errors={errorsOf('office_id') ?? errorsOf('office')}
              value={draft.office_id} onChange={(office_id) => set({ office_id })}>
              <option value="">{t('common.none')}</option>
              {(offices.data ?? []).map((o) => <option key={o.id} value={String(o.id)} translate={false}>{localName(lang, o)}</option>)}
            </SelectField>
            <Field id="project-starts_on" label={t('project.startsOn')} errors={errorsOf('starts_on')}>
              {(c) => <input {...c} type="date" value={draft.starts_on} onInput={(e) => set({ starts_on: e.currentTarget.value })} />}
            </Field>
            <Field id="project-ends_on" label={`${t('project.endsOn')} ${t('common.optional')}`} errors={errorsOf('ends_on')}>
              {(c) => <input {...c} type="date" value={draft.ends_on} onInput={(e) => set({ ends_on: e.currentTarget.value })} />}
            </Field>
            <Field id="project-description" class="field-wide" label={`${t('project.description')} ${t('common.optional')}`} errors={errorsOf('description')}>
              {(c) => <textarea {...c} dir="auto" rows={3} value={draft.description} onInput={(e) => set({ description: e.currentTarget.value })} />}
            </Field>
          </div>
        </fieldset>
        <MultiCheck id="project-sectors" legend={t('project.sectors')} options={SECTORS} value={draft.sectors}
          labelOf={(s) => enumLabel(t, 'sector', s)} onChange={(sectors) => set({ sectors })} errors={errorsOf('sectors')} />
        <PlacesPicker id="project-places" legend={`${t('project.places')} ${t('common.optional')}`} value={draft.places}
          onChange={(places) => set({ places })} errors={errorsOf('places') ?? errorsOf('pcodes')} />
        <fieldset>
          <legend>{t('project.money')}</legend>
          <div class="grid">
            <SelectField id="project-currency" label={t('project.currency')} hint={t('project.currencyHint')} errors={errorsOf('currency')}
              value={draft.currency} onChange={(currency) => set({ currency })}>
              {CURRENCIES.map((x) => <option key={x} value={x} translate={false}>{x}</option>)}
            </SelectField>
            <Field id="project-budget" label={t('project.budget')} errors={errorsOf('budget')}>
              {(c) => <input {...c} inputMode="decimal" dir="ltr" value={draft.budget} onInput={(e) => set({ budget: e.currentTarget.value })} />}
            </Field>
          </div>
        </fieldset>
        <Check label={t('project.publicLabel')} checked={draft.public} onChange={(on) => set({ public: on })} />
        <ErrorBox error={form.failure} />
        <div class="actions form-actions">
          <button type="submit" class="button primary" disabled={form.busy}>{form.busy ? t('common.saving') : t('project.save')}</button>
          <a class="button" href={href(project ? `/projects/${project.id}` : '/projects')}>{t('common.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
