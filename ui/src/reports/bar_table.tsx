// A bar chart that is a table: each row a category, each column a series, each cell its number
// and a bar proportional to the column's largest value. Screen readers read a real table (caption,
// column and row headers); sighted readers see bars; both mirror right to left with the page
// because the bars are sized with logical properties. Used by the dashboard and the public page.
import type { ComponentChildren } from 'preact';
import './bar_table.css';

export interface BarSeries { label: string }
export interface BarRow { key: string; label: ComponentChildren; values: readonly (number | null)[] }

interface Props {
  /** The table's caption for screen readers; the section's visible heading says the same. */
  caption: string;
  /** The header of the label column ("Sector", "Month"). */
  head: string;
  series: readonly BarSeries[];
  rows: readonly BarRow[];
  format: (value: number) => string;
  /** How a null (suppressed) value is written; required where nulls can occur. */
  missing?: string;
  /** Shown instead of an empty table. */
  empty: string;
}

export function BarTable({ caption, head, series, rows, format, missing = '—', empty }: Props) {
  if (rows.length === 0) return <p class="muted">{empty}</p>;
  const maxima = series.map((_, i) => Math.max(0, ...rows.map((r) => r.values[i] ?? 0)));
  return (
    <div class="table-scroll bar-scroll">
      <table class="bar-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {series.map((s, i) => <th key={i} scope="col" class={`num series-${i}`}>{s.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {series.map((_, i) => {
                const value = row.values[i];
                const max = maxima[i] ?? 0;
                return (
                  <td key={i} class="bar-cell">
                    <div class="bar-line">
                      <span class="bar-track" aria-hidden="true">
                        {typeof value === 'number' && value > 0 && max > 0 && (
                          <span class={`bar series-${i}`} style={{ inlineSize: `${Math.max(1, (value / max) * 100)}%` }} />
                        )}
                      </span>
                      <span class="bar-value">{typeof value === 'number' ? format(value) : missing}</span>
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
