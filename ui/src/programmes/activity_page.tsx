// One activity: what, where and when, its attendance in figures (registered people, people
// counted without registering, the total; trainees' scores), and for field staff the buttons
// to edit it, record its attendance (a done activity) and cancel it (after a confirmation).
import { useState } from 'preact/hooks';
import { href } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ActionDialog } from '../cases/action_dialog';
import { isStale } from '../cases/field_errors';
import { ErrorBox, Loading } from '../common/error_box';
import { Field } from '../common/field';
import { useAsync } from '../common/use_async';
import { enumLabel, placeName, useI18n } from '../i18n/i18n';
import { PlaceName } from '../referrals/place_name';
import { Figures } from '../assistance/figures';
import { usesSessions } from './activity_model';
import { DateRange, localName, StatusBadge } from './labels';
import { formatNumber } from './money';
import { getActivity, updateActivity } from './programmes_api';
import type { Activity } from './programmes_types';
import '../assistance/assistance.css';
import './programmes.css';

export function ActivityPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  const activity = useAsync(() => getActivity(id), [id]);
  if (activity.error && !activity.data) return <section><ErrorBox error={activity.error} onRetry={activity.reload} /></section>;
  if (!activity.data) return <section><Loading /></section>;
  const a = activity.data;
  const records = can(user.role, 'activities.record');
  return (
    <section aria-labelledby="activity-title">
      <p><a href={href('/activities')}>{t('activity.back')}</a></p>
      <div class="page-head">
        <div>
          <h1 id="activity-title"><bdi translate={false}>{a.title}</bdi></h1>
          <p class="prog-marks">
            <StatusBadge prefix="activityStatus" status={a.status} />{' '}
            <span class="badge prog-status">{enumLabel(t, 'activityType', a.type)}</span>
          </p>
        </div>
        {records && (
          <div class="actions">
            {a.status === 'done' && <a class="button primary" href={href(`/activities/${a.id}/attendance`)}>{t('attendance.record')}</a>}
            <a class="button" href={href(`/activities/${a.id}/edit`)}>{t('activity.edit')}</a>
            {a.status !== 'cancelled' && <CancelButton activity={a} onCancelled={(next) => (next ? activity.setData(next) : activity.reload())} />}
          </div>
        )}
      </div>
      {records && a.status === 'planned' && <p class="hint">{t('attendance.onlyDone')}</p>}
      <AttendanceFigures activity={a} />
      <ActivityFacts activity={a} />
    </section>
  );
}

export function AttendanceFigures({ activity: a }: { activity: Activity }) {
  const { t } = useI18n();
  const n = a.attendance;
  if (!n) return null;
  const values: [string, number | string | null | undefined][] = [
    [t('attendance.total'), n.total],
    [t('attendance.registered'), n.registered],
    [t('attendance.counted'), n.counted],
  ];
  if (a.type === 'training') {
    values.push([t('attendance.improved'), n.improved]);
    values.push([t('attendance.meanPre'), formatNumber(n.mean_pre)]);
    values.push([t('attendance.meanPost'), formatNumber(n.mean_post)]);
  }
  return (
    <section aria-labelledby="att-figures-title">
      <h2 id="att-figures-title" class="visually-hidden">{t('attendance.title')}</h2>
      <Figures values={values} />
    </section>
  );
}

function ActivityFacts({ activity: a }: { activity: Activity }) {
  const { t, lang } = useI18n();
  return (
    <section class="card" aria-labelledby="activity-facts-title">
      <h2 id="activity-facts-title">{t('activity.facts')}</h2>
      <dl class="details">
        <dt>{t('activity.sector')}</dt><dd>{enumLabel(t, 'sector', a.sector)}</dd>
        <dt>{t('activity.project')}</dt>
        <dd>{a.project ? <a href={href(`/projects/${a.project.id}`)}><bdi translate={false} dir="ltr">{a.project.code}</bdi> <bdi translate={false}>{a.project.name}</bdi></a> : t('common.none')}</dd>
        <dt>{t('activity.office')}</dt><dd>{a.office ? <bdi translate={false}>{localName(lang, a.office)}</bdi> : t('common.none')}</dd>
        <dt>{t('activity.place')}</dt><dd>{a.place?.name_en || a.place?.name_ar ? <bdi>{placeName(lang, a.place)}</bdi> : <PlaceName pcode={a.pcode} />}</dd>
        <dt>{t('activity.site')}</dt><dd><bdi translate={false}>{a.site || t('common.none')}</bdi></dd>
        <dt>{t('activity.dates')}</dt><dd><DateRange from={a.starts_on} to={a.ends_on} /></dd>
        <dt>{t('activity.facilitator')}</dt><dd><bdi translate={false}>{a.facilitator || t('common.none')}</bdi></dd>
        {usesSessions(a.type) && <><dt>{t('activity.sessions')}</dt><dd><bdi dir="ltr">{a.sessions}</bdi></dd></>}
        {a.type === 'rehabilitation' && (
          <><dt>{t('activity.units')}</dt><dd><bdi dir="ltr">{a.units}</bdi> × {enumLabel(t, 'unitKind', a.unit_kind)}</dd></>
        )}
        {a.type === 'training' && (
          <><dt>{t('activity.traineeOrganisation')}</dt><dd><bdi translate={false}>{a.trainee_organisation || t('common.none')}</bdi></dd></>
        )}
        {a.note && <><dt>{t('activity.note')}</dt><dd class="prose"><bdi translate={false}>{a.note}</bdi></dd></>}
      </dl>
    </section>
  );
}

function CancelButton({ activity: a, onCancelled }: { activity: Activity; onCancelled: (next: Activity | null) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  return (
    <ActionDialog id="activity-cancel" label={t('activity.cancel')} buttonClass="button danger-outline"
      title={t('activity.cancelTitle')} text={a.status === 'done' ? t('activity.cancelDoneText') : t('activity.cancelText')}
      confirm={t('activity.cancelConfirm')} dismiss={t('activity.keep')} stale={t('activity.stale')}
      onOpen={() => setNote('')}
      onConfirm={async () => {
        try {
          const change = { version: a.version, status: 'cancelled', ...(note.trim() ? { note: [a.note, note.trim()].filter(Boolean).join('\n') } : {}) };
          onCancelled(await updateActivity(a.id, change));
        } catch (cause) {
          if (isStale(cause)) onCancelled(null);
          throw cause;
        }
      }}>
      <Field id="activity-cancel-why" label={`${t('activity.cancelWhy')} ${t('common.optional')}`}>
        {(c) => <textarea {...c} dir="auto" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
    </ActionDialog>
  );
}
