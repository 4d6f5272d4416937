// Small marks shared by case and referral lists: the risk level (high risk stands out in colour
// and in words, never by colour alone) and "overdue".
import { enumLabel, useI18n } from '../i18n/i18n';

export function RiskBadge({ risk }: { risk: string }) {
  const { t } = useI18n();
  return <span class={`badge risk risk-${risk}`}>{enumLabel(t, 'risk', risk)}</span>;
}

export function CaseBadges({ overdue }: { overdue: boolean }) {
  const { t } = useI18n();
  if (!overdue) return null;
  return <span class="badge badge-overdue">{t('case.overdue')}</span>;
}
