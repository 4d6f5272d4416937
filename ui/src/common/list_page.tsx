// Pieces of a list screen whose filters live in the hash: the search form (a text box, the
// screen's own filters, the search button), the results (error, loading, empty, table, pages),
// and the inline add or edit card's opening and closing with the notice of the last save.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Page } from '../api/types';
import { navigate } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { ErrorBox, Loading } from './error_box';
import { Pagination } from './pagination';
import type { Async } from './use_async';

/** The search box's text: typed freely, and reset to the query's when the hash changes. */
export function useSearchText(q: string) {
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  return [text, setText] as const;
}

/**
 * The hash query of a list searched by text with a "show inactive" box (`?q=&active=all&page=`),
 * and `show` to go to another search or page of it; what `next` leaves out stays as it is.
 */
export function activeListQuery(query: URLSearchParams, path: string) {
  const q = query.get('q') ?? '';
  const all = query.get('active') === 'all';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const show = (next: { q?: string; all?: boolean; page?: number }) => navigate(path, {
    q: next.q ?? q, active: (next.all ?? all) ? 'all' : undefined, page: next.page && next.page > 1 ? next.page : undefined,
  });
  return { q, all, page, show };
}

interface FiltersProps {
  /** The form's accessible name. */
  label: string;
  /** The id and the label of the search box. */
  id: string;
  searchLabel: string;
  text: string;
  onText: (text: string) => void;
  onSearch: () => void;
  /** The screen's own filters, between the search box and the button. */
  children?: ComponentChildren;
}

export function SearchFilters({ label, id, searchLabel, text, onText, onSearch, children }: FiltersProps) {
  const { t } = useI18n();
  return (
    <form class="filters" role="search" aria-label={label} onSubmit={(e) => {
      e.preventDefault();
      onSearch();
    }}>
      <div class="field">
        <label for={id}>{searchLabel}</label>
        <input id={id} type="search" dir="auto" value={text} onInput={(e) => onText(e.currentTarget.value)} />
      </div>
      {children}
      <div class="actions"><button type="submit" class="button primary">{t('households.searchButton')}</button></div>
    </form>
  );
}

interface SelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The choices after the first, "All" (the empty value). */
  children: ComponentChildren;
}

/** A filter chosen from a list; choosing one searches at once. */
export function FilterSelect({ id, label, value, onChange, children }: SelectProps) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('common.all')}</option>
        {children}
      </select>
    </div>
  );
}

interface TableProps<T> {
  /** Names the table for screen readers; the page's heading already shows it. */
  caption: string;
  /** The column headers (`th scope="col"`). */
  head: ComponentChildren;
  items: T[];
  /** An item's row, keyed. */
  row: (item: T) => ComponentChildren;
}

export function ListTable<T>({ caption, head, items, row }: TableProps<T>) {
  return (
    <div class="table-scroll">
      <table class="list">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{items.map(row)}</tbody>
      </table>
    </div>
  );
}

interface ResultsProps<T> extends Omit<TableProps<T>, 'items'> {
  list: Async<Page<T>>;
  /** Said when the first page is empty. */
  empty: string;
  onPage: (page: number) => void;
}

/** A page of results; a page past the end still shows the pages, to go back from it. */
export function ListResults<T>({ list, empty, onPage, ...table }: ResultsProps<T>) {
  const data = list.data;
  return (
    <>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !data && <Loading />}
      {data && data.items.length === 0 && data.page <= 1 && <p class="empty" role="status">{empty}</p>}
      {data && (data.items.length > 0 || data.page > 1) && (
        <>
          <ListTable items={data.items} {...table} />
          <Pagination page={data.page} limit={data.limit} total={data.total} count={data.items.length} onPage={onPage} />
        </>
      )}
    </>
  );
}

/** A row's Edit button; the record's name makes each button's name unique for screen readers. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="button small" onClick={onClick}>
      {t('items.edit')}<span class="visually-hidden"> <bdi translate={false}>{name}</bdi></span>
    </button>
  );
}

/** Which record the inline card edits (`'new'` to add one), and the notice of the last save. */
export function useEditing<T>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  return {
    editing,
    notice,
    setNotice,
    /** Opens the card; the notice of an earlier save no longer applies. */
    edit: (what: T | 'new') => {
      setNotice('');
      setEditing(what);
    },
    close: () => setEditing(null),
    /** Closes the card after a save and says what was saved. */
    saved: (message: string) => {
      setEditing(null);
      setNotice(message);
    },
  };
}

export function Notice({ text }: { text: string }) {
  return text ? <p class="notice" role="status">{text}</p> : null;
}
