// The case's timeline, oldest first: creation, status changes, edits (by section name),
// follow-ups, services given, transfers, assignments and referrals. Event fields beyond `type`
// and `at` depend on the type; unknown types are shown by their name, as data.
import { Fragment, type ComponentChildren } from 'preact';
import type { TimelineEvent } from '../api/cases_types';
import { href } from '../app/router';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { enumLabel, isMessageKey, useI18n, type Translate } from '../i18n/i18n';
import { getReferral } from '../referrals/referrals_api';
import { timeline } from './cases_api';
import { formatInstant, isoInstant } from './format';

/** The first string or number among `keys` of the event (nested `{username}` / `{name}` too). */
function pick(event: TimelineEvent, ...keys: string[]): string {
  for (const key of keys) {
    const value = event[key];
    if (typeof value === 'string' && value) return value;
    if (typeof value === 'number') return String(value);
    if (value && typeof value === 'object') {
      const inner = value as { username?: unknown; name?: unknown };
      if (typeof inner.username === 'string') return inner.username;
      if (typeof inner.name === 'string') return inner.name;
    }
  }
  return '';
}

function sectionLabel(t: Translate, name: string): string {
  const key = `section.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

/** `stamp` changes whenever the case changes (its version) or a referral is sent from it. */
export function Timeline({ caseId, stamp }: { caseId: number; stamp: string }) {
  const { t } = useI18n();
  const events = useAsync(() => timeline(caseId), [caseId, stamp]);
  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <ErrorBox error={events.error} onRetry={events.reload} />
      {events.loading && !events.data && <Loading />}
      {events.data && events.data.length === 0 && <p class="muted">{t('timeline.empty')}</p>}
      {events.data && events.data.length > 0 && (
        <ol class="history timeline">
          {events.data.map((event, i) => <Entry key={i} event={event} />)}
        </ol>
      )}
    </section>
  );
}

function Entry({ event }: { event: TimelineEvent }) {
  const { t } = useI18n();
  const type = pick(event, 'type', 'kind', 'event');
  const typeKey = `timeline.${type}`;
  const user = pick(event, 'user', 'by', 'actor');
  const at = event.at ?? (event.created_at as number | string | undefined);
  return (
    <li class={`timeline-${type}`}>
      <p class="history-head">
        <strong>{isMessageKey(typeKey) ? t(typeKey) : <bdi translate={false}>{type}</bdi>}</strong>
        {at !== undefined && <>{' · '}<time dateTime={isoInstant(at)} dir="ltr">{formatInstant(at)}</time></>}
        {user && <>{' · '}{t('change.by')} <bdi translate={false}>{user}</bdi></>}
      </p>
      <EntryBody type={type} event={event} />
    </li>
  );
}

/** The server's English summary, shown as data (only where it cannot be read into parts). */
function Said({ text }: { text: string }) {
  return <p class="timeline-line"><q lang="en" dir="ltr" translate={false}>{text}</q></p>;
}

/** `edited: risk high, next follow-up, intake` → the sections' names in the interface language. */
function editedParts(t: Translate, summary: string): string[] {
  const list = summary.replace(/^edited:\s*/, '').split(/,\s*/).filter(Boolean);
  return list.map((part) => {
    const risk = /^risk (\w+)$/.exec(part);
    if (risk) return `${t('section.risk')}: ${enumLabel(t, 'risk', risk[1])}`;
    if (part === 'next follow-up') return t('section.next_follow_up');
    return sectionLabel(t, part);
  });
}

function EntryBody({ type, event }: { type: string; event: TimelineEvent }) {
  const { t } = useI18n();
  const line = (label: string, value: ComponentChildren) => (
    <p class="timeline-line"><span class="muted">{label}: </span>{value}</p>
  );
  const data = (value: string) => <bdi translate={false}>{value}</bdi>;
  const body = (event.body && typeof event.body === 'object' ? event.body : {}) as TimelineEvent;
  const field = (...keys: string[]) => pick(body, ...keys) || pick(event, ...keys);
  const summary = pick(event, 'summary');
  const arrow = /^(?:owner: )?(.+?) → (.+)$/.exec(summary);
  // "referral 9 sent to Org B: Safe space (gbv_safe_space, urgent)"
  const sent = /^referral (\d+) sent to (.+?): (.+) \((\w+), (\w+)\)$/.exec(summary);
  const parts: ComponentChildren[] = [];
  if (type === 'status') {
    const from = arrow?.[1] ?? pick(event, 'from');
    const to = arrow?.[2] ?? pick(event, 'status', 'to');
    if (from) parts.push(line(t('timeline.from'), enumLabel(t, 'caseStatus', from)));
    if (to) parts.push(line(t('timeline.to'), enumLabel(t, 'caseStatus', to)));
  } else if (type === 'edit') {
    const sections = editedParts(t, summary);
    if (sections.length) parts.push(line(t('timeline.sections'), sections.join(t('people.listSeparator'))));
  } else if (type === 'follow_up' || type === 'service') {
    const date = field('date');
    if (date) parts.push(line(t('followUp.date'), <bdi dir="ltr">{date}</bdi>));
    const service = field('service');
    if (service) parts.push(line(t('given.service'), enumLabel(t, 'serviceType', service)));
    const provider = field('provider');
    if (provider) parts.push(line(t('given.provider'), data(provider)));
    const next = field('next_follow_up');
    if (next) parts.push(line(t('case.nextFollowUp'), <bdi dir="ltr">{next}</bdi>));
  } else if (type === 'transfer' && arrow) {
    parts.push(line(t('timeline.from'), data(arrow[1]!)));
    parts.push(line(t('timeline.to'), data(arrow[2]!)));
  } else if (type === 'assignment') {
    const who = /^(assigned|unassigned) (.+)$/.exec(summary);
    if (who) parts.push(line(who[1] === 'assigned' ? t('timeline.assigned') : t('timeline.unassigned'), data(who[2]!)));
    else if (summary) parts.push(<Said text={summary} />);
  } else if (type === 'referral' && sent) {
    parts.push(line(t('referral.service'), <><bdi translate={false}>{sent[3]}</bdi> · <bdi translate={false}>{sent[2]}</bdi></>));
    parts.push(line(t('services.type'), enumLabel(t, 'serviceType', sent[4])));
    parts.push(line(t('referral.urgency'), enumLabel(t, 'urgency', sent[5])));
    parts.push(<ReferralNow id={Number(sent[1])} />);
  } else if (type !== 'created' && summary) {
    parts.push(<Said text={summary} />);
  }
  const referral = field('referral_id');
  if (referral) parts.push(<p><a href={href(`/referrals/${referral}`)}>{t('timeline.openReferral', { id: referral })}</a></p>);
  const note = field('note');
  if (note) parts.push(line(t('followUp.note'), data(note)));
  const reason = field('reason');
  if (reason) parts.push(line(t('workflow.reason'), data(reason)));
  return <>{parts.map((part, i) => <Fragment key={i}>{part}</Fragment>)}</>;
}

/** A referral's status now (it changes after sending: accepted, declined, service given). */
function ReferralNow({ id }: { id: number }) {
  const { t } = useI18n();
  const referral = useAsync(() => getReferral(id), [id]);
  const r = referral.data;
  return (
    <p class="timeline-line">
      <span class="muted">{t('timeline.referralNow')}: </span>
      {r && <span class={`badge ref-status ref-${r.status}`}>{enumLabel(t, 'referralStatus', r.status)}</span>}
      {r?.overdue && <> <span class="badge badge-overdue">{t('case.overdue')}</span></>}
      {' '}<a href={href(`/referrals/${id}`)}>{t('timeline.openReferral', { id })}</a>
    </p>
  );
}
