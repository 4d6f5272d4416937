// Previous / next buttons with "x–y of total" for a paginated list.
import { useI18n } from '../i18n/i18n';

interface Props {
  page: number;
  limit: number;
  total: number;
  /** Items on this page: guards against a `total` that disagrees with what was returned. */
  count: number;
  onPage: (page: number) => void;
}

/**
 * The shown range and whether a next page exists. A total smaller than the items already seen
 * cannot be right, so the count of items seen wins and a full page is assumed to have a next one.
 */
export function pageRange(page: number, limit: number, total: number, count: number) {
  const from = count === 0 ? 0 : (page - 1) * limit + 1;
  const to = (page - 1) * limit + count;
  const consistent = total >= to;
  return {
    from,
    to,
    total: consistent ? total : to,
    hasNext: consistent ? to < total : count === limit,
  };
}

export function Pagination({ page, limit, total, count, onPage }: Props) {
  const { t } = useI18n();
  const range = pageRange(page, limit, total, count);
  if (range.to === 0 && page <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('common.pagination')}>
      <button type="button" class="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span role="status">{t('common.range', { from: range.from, to: range.to, total: range.total })}</span>
      <button type="button" class="button" disabled={!range.hasNext} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
