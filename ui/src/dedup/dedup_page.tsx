// Duplicates: start a deduplication run over the organisation's registry, follow its progress,
// then review its groups of probable duplicates side by side — same person (merge, keeping one
// record) or different people — with undo. For admin, supervisor and me_officer.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox, Loading } from '../common/error_box';
import { formatTime } from '../common/format';
import { Pagination } from '../common/pagination';
import { useI18n } from '../i18n/i18n';
import { GroupCard } from './group_card';
import { getRun, latestRuns, startRun, stageLabel, type DedupGroup, type DedupRun } from './dedup_api';

const kLimit = 25;
const kPollMs = 500;

const isActive = (run: DedupRun | null) => run?.status === 'queued' || run?.status === 'running';

export function DedupPage() {
  const { t } = useI18n();
  const [run, setRun] = useState<DedupRun | null>(null);
  const [loading, setLoading] = useState(true);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [page, setPage] = useState(1);

  useEffect(() => {
    latestRuns()
      .then(async (list) => {
        const latest = list.items[0];
        setRun(latest ? await getRun(latest.id, 1, kLimit) : null);
      })
      .catch(setError)
      .finally(() => setLoading(false));
  }, []);

  // Follows a queued or running run until it ends.
  useEffect(() => {
    if (!run || !isActive(run)) return undefined;
    const timer = setTimeout(() => {
      getRun(run.id, 1, kLimit).then(setRun, setError);
    }, kPollMs);
    return () => clearTimeout(timer);
  }, [run]);

  const find = async () => {
    setStarting(true);
    setError(null);
    try {
      setPage(1);
      setRun(await startRun());
    } catch (cause) {
      setError(cause);
    } finally {
      setStarting(false);
    }
  };

  const showPage = (next: number) => {
    if (!run) return;
    setPage(next);
    getRun(run.id, next, kLimit).then(setRun, setError);
  };

  // Shows the decided group at once, then refreshes the run's counts.
  const replaceGroup = (group: DedupGroup) => {
    setRun((current) => {
      if (!current?.groups) return current;
      const items = current.groups.items.map((g) => (g.id === group.id ? group : g));
      return { ...current, groups: { ...current.groups, items } };
    });
    if (run) getRun(run.id, page, kLimit).then(setRun, setError);
  };

  const groups = run?.groups;
  return (
    <section aria-labelledby="dedup-title">
      <h1 id="dedup-title">{t('dedup.title')}</h1>
      <p class="muted">{t('dedup.intro')}</p>
      <div class="actions">
        <button type="button" class="button primary" disabled={starting || isActive(run)} onClick={find}>
          {t('dedup.find')}
        </button>
      </div>
      <ErrorBox error={error} />
      {loading && <Loading />}
      {!loading && <RunStatus run={run} />}
      {groups && groups.items.length === 0 && <p class="empty">{t('dedup.none')}</p>}
      {groups && groups.items.length > 0 && (
        <>
          {groups.items.map((group, i) => (
            <GroupCard key={group.id} group={group} number={(page - 1) * kLimit + i + 1} onChange={replaceGroup} />
          ))}
          <Pagination page={groups.page} limit={groups.limit} total={groups.total}
            count={groups.items.length} onPage={showPage} />
        </>
      )}
    </section>
  );
}

function RunStatus({ run }: { run: DedupRun | null }) {
  const { t } = useI18n();
  if (!run) return <p role="status">{t('dedup.never')}</p>;
  if (isActive(run)) {
    const progress = run.progress;
    const stage = t(stageLabel(progress?.stage ?? run.status));
    return (
      <div role="status" class="dedup-progress">
        <p>{progress && progress.total > 0
          ? t('dedup.progress', { stage, done: progress.done, total: progress.total })
          : t('dedup.progressStage', { stage })}</p>
        <progress max={progress?.total || 1} value={progress?.total ? progress.done : undefined}
          aria-label={t('dedup.progressLabel')} />
      </div>
    );
  }
  if (run.status === 'failed') {
    return (
      <div class="alert alert-error" role="alert">
        <p>{t('dedup.failed')} <bdi translate={false}>{run.error ?? ''}</bdi></p>
      </div>
    );
  }
  return (
    <p role="status">
      {t('dedup.summary', {
        when: formatTime(run.finished_at),
        people: run.counts.people,
        groups: run.counts.groups,
        open: run.counts.open_groups,
      })}
    </p>
  );
}
