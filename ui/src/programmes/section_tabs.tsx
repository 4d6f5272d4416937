// The tabs between projects, offices and the staff roster (`#/projects`, `#/offices`,
// `#/staff`); the roster holds names and phones and is shown to managers only.
import { href } from '../app/router';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';
import { useI18n, type MessageKey } from '../i18n/i18n';

const kTabs: { section: string; label: MessageKey; manage?: boolean }[] = [
  { section: 'projects', label: 'nav.projects' },
  { section: 'offices', label: 'nav.offices' },
  { section: 'staff', label: 'nav.staff', manage: true },
];

export function SectionTabs({ current }: { current: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const manages = can(user.role, 'projects.manage');
  return (
    <nav class="tabs" aria-label={t('prog.sections')}>
      <ul>
        {kTabs.filter((x) => !x.manage || manages).map((x) => (
          <li key={x.section}>
            <a href={href(`/${x.section}`)} aria-current={current === x.section ? 'page' : undefined}>{t(x.label)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
