// A translated sentence with elements in its {placeholders}: for words that must stay as they
// are in every language (file formats), shown as data so they are not taken for English.
import type { ComponentChildren } from 'preact';

interface Props { text: string; parts: Record<string, ComponentChildren> }

export function Filled({ text, parts }: Props) {
  const pieces = text.split(/\{(\w+)\}/);
  // split() with a capture group alternates text and placeholder names.
  return <>{pieces.map((piece, i) => (i % 2 === 0 ? piece : parts[piece] ?? `{${piece}}`))}</>;
}

/** The two accepted file formats, as data. */
export const kFormats = {
  csv: <bdi translate={false}>CSV</bdi>,
  xlsx: <bdi translate={false}>XLSX</bdi>,
};
