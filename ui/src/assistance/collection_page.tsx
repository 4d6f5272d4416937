// The collection screen of an open round, built for a queue of hundreds of families: the search
// box keeps the focus and searches as the clerk types (name in any script, token with or
// without its dash, document number, phone); one tap on a listed family records that its head
// collected; Enter with exactly one result records it (a USB QR scanner types the token, then
// Enter). After each collection the box is cleared and focused again for the next family; a
// refusal stays on screen with the search. The last collection can be undone (voided).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Page } from '../api/types';
import { href } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../common/error_box';
import { useAsync } from '../common/use_async';
import { useI18n } from '../i18n/i18n';
import { Filled } from '../import/filled';
import { getRound, listBeneficiaries, recordCollection } from './assistance_api';
import type { Beneficiary, CollectInput, Collection, Round } from './assistance_types';
import { OutcomeLine, type Outcome } from './collection_outcome';
import { CollectionResults, UndoLast } from './collection_parts';
import { formatCount } from './money';
import './assistance.css';

const kDebounceMs = 200;
const kMinChars = 2;
const kResultLimit = 8;

export function CollectionPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  const round = useAsync(() => getRound(id), [id]);
  if (round.error) return <section><ErrorBox error={round.error} onRetry={round.reload} /></section>;
  if (!round.data) return <section><Loading /></section>;
  const r = round.data;
  const back = <p><a href={href(`/distributions/${id}`)}>{t('collect.backToRound')}</a></p>;
  if (!can(user.role, 'collection.record')) {
    return <section><h1>{t('collect.title')}</h1><p>{t('error.forbidden')}</p>{back}</section>;
  }
  if (r.status !== 'open') {
    return (
      <section aria-labelledby="collect-title">
        <h1 id="collect-title">{t('collect.title')}: <bdi translate={false}>{r.name}</bdi></h1>
        <p class="alert alert-warning" role="status">{t('collect.notOpen')}</p>
        {back}
      </section>
    );
  }
  return <CollectionStation round={r} />;
}

interface Found { q: string; page: Page<Beneficiary> }

function CollectionStation({ round }: { round: Round }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [searching, setSearching] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [last, setLast] = useState<{ collection: Collection; beneficiary: Beneficiary } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [counts, setCounts] = useState(round.counts ?? { households: 0, people: 0, collected: 0 });
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const generation = useRef(0);
  const latest = useRef<{ q: string; promise: Promise<Page<Beneficiary>> } | null>(null);

  useEffect(() => {
    input.current?.focus();
    return () => window.clearTimeout(timer.current);
  }, []);

  const focusSearch = (select = false) => {
    // After a dialog closes the browser puts focus back on its button: take it afterwards.
    window.setTimeout(() => {
      input.current?.focus();
      if (select) input.current?.select();
    }, 0);
  };

  /** Other stations record too: the counts are read again after each change. */
  const refreshCounts = () => {
    getRound(round.id).then((r) => r.counts && setCounts(r.counts), () => undefined);
  };

  const search = (q: string): Promise<Page<Beneficiary>> => {
    const mine = ++generation.current;
    const promise = listBeneficiaries(round.id, { q, limit: kResultLimit });
    latest.current = { q, promise };
    setSearching(true);
    promise.then(
      (page) => {
        if (mine !== generation.current) return;
        setFound({ q, page });
        setSearchError(null);
        setSearching(false);
      },
      (cause: unknown) => {
        if (mine !== generation.current) return;
        setSearchError(cause);
        setSearching(false);
      },
    );
    return promise;
  };

  const cancelSearch = () => {
    window.clearTimeout(timer.current);
    generation.current++;
    latest.current = null;
    setSearching(false);
  };

  const onInput = (value: string) => {
    setText(value);
    window.clearTimeout(timer.current);
    const q = value.trim();
    if (q.length < kMinChars) {
      cancelSearch();
      setFound(null);
      return;
    }
    timer.current = window.setTimeout(() => {
      search(q).catch(() => undefined);
    }, kDebounceMs);
  };

  const record = async (b: Beneficiary, how: Omit<CollectInput, 'household_id'> = { collector: 'head' }) => {
    if (busy !== null) return;
    setBusy(b.household_id);
    setOutcome(null);
    try {
      const collection = await recordCollection(round.id, { household_id: b.household_id, ...how });
      setOutcome({ kind: 'ok', collection, beneficiary: b });
      setLast({ collection, beneficiary: b });
      setCounts((c) => ({ ...c, collected: c.collected + 1 }));
      cancelSearch();
      setFound(null);
      setText('');
      if (input.current) input.current.value = '';
      focusSearch();
      refreshCounts();
    } catch (cause) {
      setOutcome({ kind: 'refused', error: cause, beneficiary: b });
      // The list shows the family as it is now (e.g. collected at another table).
      const q = (input.current?.value ?? text).trim();
      if (q) search(q).catch(() => undefined);
      focusSearch(true);
    } finally {
      setBusy(null);
    }
  };

  /** Enter: search now (a scanner types faster than the debounce) and record a single result. */
  const onEnter = async () => {
    // The box itself, not the last render's state: a scanner's Enter follows its last key at once.
    const q = (input.current?.value ?? text).trim();
    if (!q || busy !== null) return;
    window.clearTimeout(timer.current);
    const pending = latest.current?.q === q ? latest.current.promise : search(q);
    let page: Page<Beneficiary>;
    try {
      page = await pending;
    } catch {
      return;
    }
    if ((input.current?.value ?? '').trim() !== q) return;
    if (page.items.length === 0) {
      setOutcome({ kind: 'none', q });
      focusSearch(true);
    } else if (page.items.length > 1) {
      setOutcome({ kind: 'several', count: page.total ?? page.items.length });
    } else {
      const only = page.items[0]!;
      if (only.status === 'collected' || only.collection) {
        setOutcome({ kind: 'refused', error: 'collected', beneficiary: only });
        focusSearch(true);
      } else {
        await record(only);
      }
    }
  };

  return (
    <section aria-labelledby="collect-title" class="collect">
      <div class="page-head">
        <div>
          <p class="eyebrow">{t('collect.title')}</p>
          <h1 id="collect-title"><bdi translate={false}>{round.name}</bdi></h1>
        </div>
        <a class="button small" href={href(`/distributions/${round.id}`)}>{t('collect.backToRound')}</a>
      </div>
      <p class="collect-count" aria-live="polite">
        {t('collect.count', { collected: formatCount(counts.collected), listed: formatCount(counts.households) })}
      </p>
      <form class="collect-search" role="search" aria-label={t('collect.searchLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          onEnter().catch(() => undefined);
        }}>
        <label for="collect-q">{t('collect.search')}</label>
        <input id="collect-q" ref={input} type="search" dir="auto" autoComplete="off" autoCorrect="off"
          spellcheck={false} enterKeyHint="search" aria-describedby="collect-q-hint" value={text}
          onInput={(e) => onInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              onInput('');
              setOutcome(null);
            }
          }} />
        <p id="collect-q-hint" class="hint">
          <Filled text={t('collect.searchHint')} parts={{ enter: <kbd dir="ltr" translate={false}>Enter</kbd> }} />
        </p>
      </form>
      <OutcomeLine outcome={outcome} />
      <ErrorBox error={searchError} />
      {searching && !found && <p class="muted" role="status">{t('collect.searching')}</p>}
      {found && (
        <CollectionResults round={round} found={found.page} busy={busy}
          onRecord={(b, how) => record(b, how)} />
      )}
      {last && (
        <UndoLast round={round} last={last} onVoided={(collection) => {
          setOutcome({ kind: 'voided', collection, beneficiary: last.beneficiary });
          setLast(null);
          setCounts((c) => ({ ...c, collected: Math.max(0, c.collected - 1) }));
          refreshCounts();
          const q = (input.current?.value ?? text).trim();
          if (q) search(q).catch(() => undefined);
          focusSearch();
        }} />
      )}
    </section>
  );
}
