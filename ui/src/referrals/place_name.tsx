// A place shown by name (Arabic on Arabic and Kurdish screens) from its P-code, with its
// parents: "Erbil › Erbil › Ainkawa". Falls back to the P-code, marked as data.
import { useAsync } from '../common/use_async';
import { placeName, useI18n } from '../i18n/i18n';
import { placePath } from '../registry/places';

export function PlaceName({ pcode }: { pcode: string | null | undefined }) {
  const { lang, t } = useI18n();
  const path = useAsync(() => (pcode ? placePath(pcode) : Promise.resolve([])), [pcode]);
  if (!pcode) return <>{t('common.none')}</>;
  if (path.data?.length) return <bdi>{path.data.map((p) => placeName(lang, p)).join(' › ')}</bdi>;
  return path.error ? <bdi translate={false} dir="ltr">{pcode}</bdi> : <span aria-busy="true">…</span>;
}
