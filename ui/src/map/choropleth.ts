// Classes and colours of a choropleth: up to five classes of counts with "nice" lower bounds
// (1, 2 or 5 times a power of ten) taken near the quantiles, so a few large places do not wash
// every other place out. Zero and suppressed counts have their own colours. Pure functions.

/** ColorBrewer "Blues" (sequential, colour-blind safe); the palest is still distinct from zero. */
const kRamp = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const kZeroColour = '#ffffff';
export const kSuppressedColour = '#d4d4d4';
const kMaxClasses = kRamp.length;

/** One class: counts from `from` up to `to` (inclusive; null = no upper bound). */
export interface ColourClass { from: number; to: number | null; colour: string }

/** The largest 1, 2 or 5 × 10^n not above `x` (x ≥ 1). */
export function niceFloor(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  const lead = x / power;
  return (lead >= 5 ? 5 : lead >= 2 ? 2 : 1) * power;
}

/** Classes for the positive values of `values` (zero, null and duplicates aside). */
export function classify(values: readonly (number | null | undefined)[]): ColourClass[] {
  const positive = values.filter((v): v is number => typeof v === 'number' && v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const lows = [1];
  for (let k = 1; k < kMaxClasses; ++k) {
    const at = positive[Math.min(positive.length - 1, Math.floor((k * positive.length) / kMaxClasses))]!;
    const low = niceFloor(at);
    if (low > lows[lows.length - 1]!) lows.push(low);
  }
  // The palest colours for few classes would hide the contrast: spread them over the ramp.
  const step = lows.length === 1 ? 0 : (kRamp.length - 1) / (lows.length - 1);
  return lows.map((from, i) => ({
    from,
    to: i + 1 < lows.length ? lows[i + 1]! - 1 : null,
    colour: kRamp[Math.round(lows.length === 1 ? kRamp.length - 2 : i * step)]!,
  }));
}

/** The fill for `value`: zero (or absent), suppressed (null) or its class. */
export function colourOf(classes: readonly ColourClass[], value: number | null | undefined): string {
  if (value === null) return kSuppressedColour;
  if (value === undefined || value <= 0) return kZeroColour;
  let colour = classes[0]?.colour ?? kZeroColour;
  for (const c of classes) if (value >= c.from) colour = c.colour;
  return colour;
}
