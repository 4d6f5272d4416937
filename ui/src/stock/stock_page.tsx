// The stock section: tabs for the stock report, recording a movement, the ledger, transfers,
// the items catalogue and the warehouses (`#/stock`, `#/stock/record`, `#/stock/ledger`, …).
// Recording is offered to those who manage stock; everyone else reads.
import { href } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { BalancesPage } from './balances_page';
import { ItemsPage } from './items_page';
import { LedgerPage } from './ledger_page';
import { MovementForm } from './movement_form';
import { TransfersPage } from './transfers_page';
import { WarehousesPage } from './warehouses_page';
import '../assistance/assistance.css';

const kTabs: { tab: string; label: MessageKey; manage?: boolean }[] = [
  { tab: '', label: 'stock.tabReport' },
  { tab: 'record', label: 'stock.tabRecord', manage: true },
  { tab: 'ledger', label: 'stock.tabLedger' },
  { tab: 'transfers', label: 'stock.tabTransfers' },
  { tab: 'items', label: 'stock.tabItems' },
  { tab: 'warehouses', label: 'stock.tabWarehouses' },
];

export function StockPage({ tab, query }: { tab: string; query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  const manages = can(user.role, 'stock.manage');
  const tabs = kTabs.filter((x) => !x.manage || manages);
  const current = tabs.some((x) => x.tab === tab) ? tab : '';
  return (
    <section aria-labelledby="stock-title">
      <h1 id="stock-title">{t('stock.title')}</h1>
      <nav class="tabs stock-tabs" aria-label={t('stock.sections')}>
        <ul>
          {tabs.map((x) => (
            <li key={x.tab}>
              <a href={href(x.tab ? `/stock/${x.tab}` : '/stock')} aria-current={current === x.tab ? 'page' : undefined}>{t(x.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {current === '' && <BalancesPage query={query} />}
      {current === 'record' && <MovementForm query={query} />}
      {current === 'ledger' && <LedgerPage query={query} />}
      {current === 'transfers' && <TransfersPage />}
      {current === 'items' && <ItemsPage query={query} />}
      {current === 'warehouses' && <WarehousesPage query={query} />}
    </section>
  );
}
