// The legend of a choropleth: a swatch and the range of each class, zero, and (on the public
// page) suppressed counts. Rendered as a list beside the map, so it mirrors right to left and is
// read by screen readers.
import { kSuppressedColour, kZeroColour, type ColourClass } from './choropleth';

interface Props {
  title: string;
  classes: readonly ColourClass[];
  /** "1–9", "500 or more": how a class is written in the page's language. */
  range: (from: number, to: number | null) => string;
  zero: string;
  /** Shown when some counts are suppressed ("fewer than 5"). */
  suppressed?: string | undefined;
}

export function MapLegend({ title, classes, range, zero, suppressed }: Props) {
  return (
    <figure class="map-legend">
      <figcaption>{title}</figcaption>
      <ul>
        <li><Swatch colour={kZeroColour} />{zero}</li>
        {suppressed && <li><Swatch colour={kSuppressedColour} />{suppressed}</li>}
        {classes.map((c) => (
          <li key={c.from}><Swatch colour={c.colour} />{range(c.from, c.to)}</li>
        ))}
      </ul>
    </figure>
  );
}

function Swatch({ colour }: { colour: string }) {
  return <span class="map-swatch" style={{ background: colour }} aria-hidden="true" />;
}
