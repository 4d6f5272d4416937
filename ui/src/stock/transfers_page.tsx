// Transfers between warehouses: what is on the way (or received), dispatching a new transfer
// (lines of item and quantity; lots first-expiry-first-out) and receiving one: per line what
// arrived, with the reason for anything lost on the way.
import { useState } from 'preact/hooks';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { ActionDialog } from '../cases/action_dialog';
import { ErrorBox, Loading } from '../common/error_box';
import { formatTime } from '../common/format';
import { useAsync } from '../common/use_async';
import { enumLabel, useI18n } from '../i18n/i18n';
import { DispatchForm } from './dispatch_form';
import { listTransfers, receiveTransfer } from './stock_api';
import { useItemNames } from './item_names';
import { LOSS_REASONS, TRANSFER_STATUSES, type Transfer } from './stock_types';

export function TransfersPage() {
  const { t } = useI18n();
  const { itemName } = useItemNames();
  const { user } = useSession();
  const manages = can(user.role, 'stock.manage');
  const [status, setStatus] = useState('in_transit');
  const [dispatching, setDispatching] = useState(false);
  const [notice, setNotice] = useState('');
  const list = useAsync(() => listTransfers({ status, limit: 100 }), [status]);

  return (
    <section aria-labelledby="tr-title">
      <div class="page-head">
        <h2 id="tr-title">{t('tr.title')}</h2>
        {manages && !dispatching && (
          <button type="button" class="button primary" onClick={() => {
            setNotice('');
            setDispatching(true);
          }}>{t('tr.dispatch')}</button>
        )}
      </div>
      {notice && <p class="notice" role="status">{notice}</p>}
      {dispatching && (
        <DispatchForm onCancel={() => setDispatching(false)} onDispatched={(tr) => {
          setDispatching(false);
          setNotice(t('tr.dispatched', { id: tr.id }));
          setStatus('in_transit');
          list.reload();
        }} />
      )}
      <div class="field">
        <label for="tr-status">{t('tr.status')}</label>
        <select id="tr-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          {TRANSFER_STATUSES.map((s) => <option key={s} value={s}>{enumLabel(t, 'transferStatus', s)}</option>)}
          <option value="">{t('common.all')}</option>
        </select>
      </div>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p class="empty" role="status">{t('tr.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div class="table-scroll">
          <table class="list">
            <caption class="visually-hidden">{t('tr.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tr.number')}</th>
                <th scope="col">{t('tr.fromTo')}</th>
                <th scope="col">{t('tr.lines')}</th>
                <th scope="col">{t('tr.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((tr) => (
                <tr key={tr.id}>
                  <th scope="row">
                    <bdi dir="ltr">#{tr.id}</bdi>
                    {tr.waybill && <div class="muted">{t('stock.waybill')}: <bdi dir="ltr" translate={false}>{tr.waybill}</bdi></div>}
                  </th>
                  <td><bdi translate={false}>{tr.from.name}</bdi> → <bdi translate={false}>{tr.to.name}</bdi></td>
                  <td>
                    <ul class="plain">
                      {tr.lines.map((l, i) => (
                        <li key={i}>
                          <bdi translate={false}>{itemName(l.item)}</bdi> <bdi dir="ltr" translate={false}>{l.lot?.number ?? ''}</bdi>:{' '}
                          <bdi dir="ltr">{l.sent}</bdi>
                          {l.received != null && tr.status === 'received' && <> → <bdi dir="ltr">{l.received}</bdi></>}
                          {!!l.lost && <span class="shortfall"> ({t('tr.lost', { n: l.lost })}: {enumLabel(t, 'lossReason', l.loss_reason ?? '')})</span>}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {enumLabel(t, 'transferStatus', tr.status)}
                    <div class="muted"><bdi dir="ltr">{formatTime(tr.received_at ?? tr.dispatched_at)}</bdi></div>
                    {manages && tr.status === 'in_transit' && (
                      <ReceiveDialog transfer={tr} onReceived={() => {
                        setNotice(t('tr.received', { id: tr.id }));
                        list.reload();
                      }} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ReceiveDialog({ transfer, onReceived }: { transfer: Transfer; onReceived: () => void }) {
  const { t } = useI18n();
  const { itemName } = useItemNames();
  const initial = () => transfer.lines.map((l) => ({ received: String(l.sent), reason: '' }));
  const [lines, setLines] = useState(initial);
  const [problems, setProblems] = useState<Record<number, string>>({});
  const setLine = (i: number, patch: Partial<{ received: string; reason: string }>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <ActionDialog id={`tr-receive-${transfer.id}`} buttonClass="button small primary"
      label={<>{t('tr.receive')}<span class="visually-hidden"> #{transfer.id}</span></>}
      title={t('tr.receiveTitle', { id: transfer.id })} text={t('tr.receiveText')} confirm={t('tr.receive')}
      stale={t('stock.stale')}
      onOpen={() => {
        setLines(initial());
        setProblems({});
      }}
      onConfirm={async () => {
        const found: Record<number, string> = {};
        transfer.lines.forEach((l, i) => {
          const got = lines[i]!;
          if (!/^\d+$/.test(got.received.trim()) || Number(got.received) > l.sent) found[i] = t('tr.receivedRule', { n: l.sent });
          else if (Number(got.received) < l.sent && !got.reason) found[i] = t('tr.reasonNeeded');
        });
        setProblems(found);
        if (Object.keys(found).length) return false;
        await receiveTransfer(transfer.id, transfer.version, transfer.lines.map((l, i) => {
          const received = Number(lines[i]!.received);
          return { lot_id: l.lot?.id ?? 0, received, ...(received < l.sent ? { loss_reason: lines[i]!.reason } : {}) };
        }));
        onReceived();
        return true;
      }}>
      {transfer.lines.map((l, i) => {
        const id = `tr-${transfer.id}-line-${i}`;
        const short = Number(lines[i]?.received) < l.sent;
        return (
          <fieldset key={i} class="line">
            <legend><bdi translate={false}>{itemName(l.item)}</bdi> <bdi dir="ltr" translate={false}>{l.lot?.number ?? ''}</bdi> · {t('tr.sent', { n: l.sent })}</legend>
            <div class="field">
              <label for={`${id}-received`}>{t('tr.receivedQty')}</label>
              <input id={`${id}-received`} inputMode="numeric" dir="ltr" value={lines[i]?.received ?? ''}
                aria-invalid={problems[i] ? true : undefined} aria-describedby={problems[i] ? `${id}-error` : undefined}
                onInput={(e) => setLine(i, { received: e.currentTarget.value })} />
            </div>
            {short && (
              <div class="field">
                <label for={`${id}-reason`}>{t('tr.lossReason')}</label>
                <select id={`${id}-reason`} value={lines[i]?.reason ?? ''} onChange={(e) => setLine(i, { reason: e.currentTarget.value })}>
                  <option value="">{t('common.choose')}</option>
                  {LOSS_REASONS.map((r) => <option key={r} value={r}>{enumLabel(t, 'lossReason', r)}</option>)}
                </select>
              </div>
            )}
            {problems[i] && <p id={`${id}-error`} class="field-error">{problems[i]}</p>}
          </fieldset>
        );
      })}
    </ActionDialog>
  );
}
