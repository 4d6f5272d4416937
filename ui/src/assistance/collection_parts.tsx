// Pieces of the collection screen: the result list (one big button per listed family, records
// that the head collected; a small "other collector" dialog for a member or a proxy) and the
// dialog that undoes (voids) the last collection with a reason.
import { useState } from 'preact/hooks';
import type { Page } from '../api/types';
import { ActionDialog } from '../cases/action_dialog';
import { Field } from '../common/field';
import { formatTime } from '../common/format';
import { enumLabel, useI18n, type Lang } from '../i18n/i18n';
import { useItemNames, type ItemNames } from '../stock/item_names';
import type { ItemRef } from '../stock/stock_types';
import { voidCollection } from './assistance_api';
import { byName, type Beneficiary, type CollectInput, type Collection, type Round } from './assistance_types';
import { formatMoney } from './money';

interface ResultsProps {
  round: Round;
  found: Page<Beneficiary>;
  busy: number | null;
  onRecord: (b: Beneficiary, how?: Omit<CollectInput, 'household_id'>) => Promise<void>;
}

export function CollectionResults({ round, found, busy, onRecord }: ResultsProps) {
  const { t } = useI18n();
  if (found.items.length === 0) return <p class="empty" role="status">{t('collect.noResult')}</p>;
  return (
    <>
      <p class="muted" role="status">
        {found.total > found.items.length
          ? t('collect.manyResults', { shown: found.items.length, total: found.total })
          : t('collect.results', { n: found.items.length })}
      </p>
      <ul class="plain collect-results" aria-label={t('collect.resultsLabel')}>
        {found.items.map((b) => (
          <li key={b.household_id} class={b.collection ? 'collect-result done' : 'collect-result'}>
            {b.collection
              ? <CollectedResult b={b} />
              : <ListedResult round={round} b={b} busy={busy} onRecord={onRecord} />}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "6 × Hygiene kit, 1 × Blanket" from the household's entitlement, names from the basket. */
function entitlementText(names: ItemNames, lang: Lang, round: Round, b: Beneficiary): string {
  const items = new Map<number, ItemRef>(round.basket.map((line) => [line.item.id, line.item]));
  return b.entitlement
    .map((e) => `${e.quantity} × ${names.itemName(e.item ?? items.get(e.item_id) ?? e.item_id) || `#${e.item_id}`}`)
    .join(lang === 'en' ? ', ' : '، ');
}

function Who({ b }: { b: Beneficiary }) {
  const { t } = useI18n();
  return (
    <>
      <span class="collect-name"><bdi translate={false}>{b.head?.name}</bdi></span>
      {b.head?.name_latin && <span class="latin" translate={false} lang="en" dir="ltr">{b.head.name_latin}</span>}
      <span class="collect-meta">
        <bdi class="collect-token" dir="ltr" translate={false}>{b.token}</bdi>
        {' · '}{t('collect.size', { n: b.size })}
      </span>
    </>
  );
}

function ListedResult({ round, b, busy, onRecord }: { round: Round; b: Beneficiary } & Pick<ResultsProps, 'busy' | 'onRecord'>) {
  const { t, lang } = useI18n();
  const names = useItemNames();
  const what = entitlementText(names, lang, round, b);
  return (
    <>
      <button type="button" class="collect-main" disabled={busy !== null}
        aria-busy={busy === b.household_id || undefined} onClick={() => onRecord(b)}>
        <Who b={b} />
        {what && <span class="collect-what"><bdi translate={false}>{what}</bdi></span>}
        {b.cash && <span class="collect-what"><bdi dir="ltr">{formatMoney(b.cash.amount, b.cash.currency)}</bdi></span>}
        <span class="collect-go">{busy === b.household_id ? t('collect.recording') : t('collect.recordHead')}</span>
      </button>
      <OtherCollector b={b} onRecord={onRecord} />
    </>
  );
}

function CollectedResult({ b }: { b: Beneficiary }) {
  const { t } = useI18n();
  const c = b.collection!;
  return (
    <div class="collect-main">
      <Who b={b} />
      <span class="collect-already">
        {t('collect.already')} {t('collect.alreadyWhen')} <bdi dir="ltr">{formatTime(c.at)}</bdi>
        {byName(c.by) && <>{' '}{t('collect.alreadyBy')} <bdi translate={false}>{byName(c.by)}</bdi></>}
      </span>
    </div>
  );
}

function OtherCollector({ b, onRecord }: { b: Beneficiary; onRecord: ResultsProps['onRecord'] }) {
  const { t } = useI18n();
  const others = b.members.filter((m) => m.relationship !== 'head' && m.id !== b.head?.id);
  const [collector, setCollector] = useState<'member' | 'proxy'>(others.length ? 'member' : 'proxy');
  const [personId, setPersonId] = useState('');
  const [proxyName, setProxyName] = useState('');
  const [proxyDocument, setProxyDocument] = useState('');
  const [problem, setProblem] = useState<'person' | 'proxy' | ''>('');
  const prefix = `other-${b.household_id}`;
  return (
    <ActionDialog id={prefix} buttonClass="button small collect-other"
      label={<>{t('collect.other')}<span class="visually-hidden"> <bdi translate={false}>{b.head?.name}</bdi></span></>}
      title={t('collect.otherTitle')} confirm={t('collect.record')}
      onOpen={() => {
        setCollector(others.length ? 'member' : 'proxy');
        setPersonId('');
        setProxyName('');
        setProxyDocument('');
        setProblem('');
      }}
      onConfirm={async () => {
        if (collector === 'member' && !personId) {
          setProblem('person');
          return false;
        }
        if (collector === 'proxy' && !proxyName.trim()) {
          setProblem('proxy');
          return false;
        }
        await onRecord(b, collector === 'member'
          ? { collector, person_id: Number(personId) }
          : { collector, proxy_name: proxyName.trim(), proxy_document: proxyDocument.trim() || undefined });
        return true;
      }}>
      <p><bdi translate={false}>{b.head?.name}</bdi> (<bdi dir="ltr" translate={false}>{b.token}</bdi>)</p>
      <fieldset>
        <legend>{t('collect.collector')}</legend>
        {others.length > 0 && (
          <label class="check">
            <input type="radio" name={`${prefix}-who`} checked={collector === 'member'} onChange={() => setCollector('member')} />
            {enumLabel(t, 'collector', 'member')}
          </label>
        )}
        <label class="check">
          <input type="radio" name={`${prefix}-who`} checked={collector === 'proxy'} onChange={() => setCollector('proxy')} />
          {enumLabel(t, 'collector', 'proxy')}
        </label>
      </fieldset>
      {collector === 'member' ? (
        <Field id={`${prefix}-person`} label={t('collect.member')} errors={problem === 'person' ? [t('check.required')] : undefined}>
          {(c) => (
            <select {...c} value={personId} onChange={(e) => setPersonId(e.currentTarget.value)}>
              <option value="">{t('common.choose')}</option>
              {others.map((m) => (
                <option key={m.id} value={String(m.id)} translate={false}>{m.name} ({enumLabel(t, 'rel', m.relationship)})</option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <>
          <Field id={`${prefix}-proxy`} label={t('collect.proxyName')} errors={problem === 'proxy' ? [t('check.required')] : undefined}>
            {(c) => <input {...c} dir="auto" value={proxyName} onInput={(e) => setProxyName(e.currentTarget.value)} />}
          </Field>
          <Field id={`${prefix}-doc`} label={`${t('collect.proxyDocument')} ${t('common.optional')}`}>
            {(c) => <input {...c} dir="auto" value={proxyDocument} onInput={(e) => setProxyDocument(e.currentTarget.value)} />}
          </Field>
        </>
      )}
    </ActionDialog>
  );
}

interface UndoProps {
  round: Round;
  last: { collection: Collection; beneficiary: Beneficiary };
  onVoided: (collection: Collection) => void;
}

export function UndoLast({ round, last, onVoided }: UndoProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <div class="collect-undo">
      <ActionDialog id="collect-undo" buttonClass="button danger-outline"
        label={<>{t('collect.undo')} <bdi translate={false}>{last.beneficiary.head?.name}</bdi></>}
        title={t('collect.undoTitle')} text={t('collect.undoText')} confirm={t('collect.undoConfirm')}
        dismiss={t('collect.undoKeep')}
        onOpen={() => {
          setReason('');
          setMissing(false);
        }}
        onConfirm={async () => {
          if (!reason.trim()) {
            setMissing(true);
            return false;
          }
          const voided = await voidCollection(round.id, last.collection.id, reason.trim());
          onVoided(voided ?? last.collection);
          return true;
        }}>
        <p><bdi translate={false}>{last.beneficiary.head?.name}</bdi> (<bdi dir="ltr" translate={false}>{last.beneficiary.token}</bdi>)</p>
        <Field id="collect-undo-reason" label={t('collect.undoReason')} errors={missing ? [t('check.required')] : undefined}>
          {(c) => <textarea {...c} dir="auto" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      </ActionDialog>
    </div>
  );
}
