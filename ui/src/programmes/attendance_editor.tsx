// The attendance of a done activity (`#/activities/{id}/attendance`): registered people and
// counts of people not registered, saved together (PUT with the activity's version). A stale
// save keeps every entry and says so; saving again replaces the other person's attendance,
// or theirs can be loaded instead.
import { useRef, useState } from 'preact/hooks';
import type { FieldError } from '../api/client';
import { href } from '../app/router';
import { errorsFor, fieldErrorsOf, isStale } from '../cases/field_errors';
import { ErrorBox, Loading } from '../common/error_box';
import { ProblemSummary } from '../common/problem_summary';
import { useAsync } from '../common/use_async';
import { useI18n } from '../i18n/i18n';
import { AttendanceFigures } from './activity_page';
import { checkAttendance, countCells, countedTotal, draftOf, inputOf, localPath, type AttendanceDraft } from './attendance_model';
import { Attendees } from './attendees';
import { CountsGrid } from './counts_grid';
import { StaleAlert } from './form_bits';
import { getActivity, getAttendance, putAttendance } from './programmes_api';
import type { Activity, Attendance } from './programmes_types';
import '../assistance/assistance.css';
import './programmes.css';

export function AttendancePage({ id }: { id: number }) {
  const { t } = useI18n();
  const loaded = useAsync(() => Promise.all([getActivity(id), getAttendance(id)]), [id]);
  if (loaded.error && !loaded.data) return <section><ErrorBox error={loaded.error} onRetry={loaded.reload} /></section>;
  if (!loaded.data) return <section><Loading /></section>;
  const [activity, attendance] = loaded.data;
  if (activity.status !== 'done') {
    return (
      <section aria-labelledby="att-title">
        <p><a href={href(`/activities/${activity.id}`)}>{t('activity.backToActivity')}</a></p>
        <h1 id="att-title">{t('attendance.title')}: <bdi translate={false}>{activity.title}</bdi></h1>
        <p class="alert alert-warning" role="alert">{t('attendance.onlyDone')}</p>
      </section>
    );
  }
  return <AttendanceEditor activity={activity} attendance={attendance} />;
}

function AttendanceEditor({ activity: first, attendance }: { activity: Activity; attendance: Attendance }) {
  const { t, lang } = useI18n();
  const [activity, setActivity] = useState(first);
  const [draft, setDraft] = useState<AttendanceDraft>(() => draftOf(attendance));
  const [version, setVersion] = useState(first.version);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const errorsOf = errorsFor(errors);
  const change = (patch: Partial<AttendanceDraft>) => {
    setNotice('');
    setDraft((d) => ({ ...d, ...patch }));
  };
  const focusSummary = () => window.setTimeout(() => summary.current?.focus(), 0);
  const counted = countedTotal(draft);

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    setNotice('');
    const problems = checkAttendance(t, activity, draft);
    setErrors(problems);
    if (problems.length) {
      focusSummary();
      return;
    }
    setBusy(true);
    const sent = countCells(draft);
    try {
      await putAttendance(activity.id, inputOf(activity, version, draft));
      const latest = await getActivity(activity.id);
      setActivity(latest);
      setVersion(latest.version);
      setStale(false);
      setNotice(t('attendance.saved', { n: latest.attendance?.total ?? draft.people.length + counted }));
    } catch (cause) {
      if (isStale(cause)) {
        setStale(true);
        const latest = await getActivity(activity.id).catch(() => null);
        if (latest) setVersion(latest.version);
      } else {
        const list = fieldErrorsOf(cause, t, lang).map((f) => ({ ...f, field: localPath(f.field, sent) }));
        setErrors(list);
        if (list.length) focusSummary();
        else setFailure(cause);
      }
    } finally {
      setBusy(false);
    }
  };

  const loadTheirs = async () => {
    setBusy(true);
    try {
      const [latest, theirs] = await Promise.all([getActivity(activity.id), getAttendance(activity.id)]);
      setActivity(latest);
      setVersion(latest.version);
      setDraft(draftOf(theirs));
      setStale(false);
      setErrors([]);
    } catch (cause) {
      setFailure(cause);
    } finally {
      setBusy(false);
    }
  };

  const labelOf = (field: string) => {
    const person = /^people\[(\d+)\]/.exec(field);
    if (person) {
      const p = draft.people[Number(person[1])];
      return p ? p.name || p.name_latin : field;
    }
    if (field.startsWith('count:')) return t('attendance.countsTitle');
    return field === 'status' ? t('activity.status') : field;
  };
  const idOf = (field: string) => {
    const person = /^people\[(\d+)\]\.?(\w*)/.exec(field);
    if (person) {
      const p = draft.people[Number(person[1])];
      const input = { sessions_attended: 'sessions', pre_score: 'pre', post_score: 'post' }[person[2] ?? ''];
      return p ? (input ? `att-${p.person_id}-${input}` : `att-${p.person_id}-sessions`) : 'attendees-title';
    }
    if (field.startsWith('count:')) return `count-${field.slice(6).replace(/[^a-z0-9]/gi, '_')}`;
    return 'counts-title';
  };

  return (
    <section aria-labelledby="att-title">
      <p><a href={href(`/activities/${activity.id}`)}>{t('activity.backToActivity')}</a></p>
      <h1 id="att-title">{t('attendance.title')}: <bdi translate={false}>{activity.title}</bdi></h1>
      <p class="hint">{t('attendance.intro')}</p>
      {notice && <p class="notice" role="status">{notice}</p>}
      <AttendanceFigures activity={activity} />
      <form class="stack" noValidate onSubmit={save}>
        <ProblemSummary errors={errors} idOf={idOf} labelOf={labelOf} summaryRef={summary} />
        {stale && (
          <StaleAlert>
            <p>{t('attendance.stale')}</p>
            <p>{t('attendance.staleKept')}</p>
            <div class="actions">
              <button type="submit" class="button primary" disabled={busy}>{t('attendance.saveOver')}</button>
              <button type="button" class="button" disabled={busy} onClick={() => void loadTheirs()}>{t('attendance.loadTheirs')}</button>
            </div>
          </StaleAlert>
        )}
        <Attendees activity={activity} people={draft.people} onChange={(people) => change({ people })} errorsOf={errorsOf} />
        <CountsGrid draft={draft} onChange={change} errorsOf={errorsOf} />
        <ErrorBox error={failure} />
        <div class="actions form-actions">
          <p class="att-live" aria-live="polite">
            {t('attendance.liveTotal', { total: draft.people.length + counted, registered: draft.people.length, counted })}
          </p>
          <button type="submit" class="button primary" disabled={busy}>{busy ? t('common.saving') : t('attendance.save')}</button>
        </div>
      </form>
    </section>
  );
}
