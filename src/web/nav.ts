/** The workplace's menu, per role: each area adds its entry here (one line each). */
import type { UserRole } from '../auth/principal';

export interface NavEntry {
  href: string;
  /** A message key (src/web/i18n). */
  label: string;
  roles: readonly UserRole[];
}

export const NAV: readonly NavEntry[] = [
  { href: '/', label: 'nav.myWork', roles: ['mediator', 'lawyer', 'court', 'officer'] },
  { href: '/cases', label: 'nav.cases', roles: ['mediator', 'lawyer', 'officer'] },
  { href: '/cases/new', label: 'nav.newCase', roles: ['mediator', 'lawyer'] },
  { href: '/court', label: 'nav.court', roles: ['court'] },
  { href: '/supervision', label: 'nav.supervision', roles: ['officer'] },
  { href: '/start-now', label: 'nav.startNow', roles: ['mediator', 'lawyer'] },
  { href: '/statistics', label: 'nav.statistics', roles: ['mediator', 'lawyer', 'court', 'officer', 'admin'] },
  { href: '/verify', label: 'nav.verify', roles: ['court', 'mediator', 'lawyer', 'officer'] },
  { href: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { href: '/admin/directory', label: 'nav.directory', roles: ['admin'] },
  { href: '/inbox', label: 'nav.inbox', roles: ['mediator', 'lawyer', 'court', 'officer'] },
  { href: '/settings/reminders', label: 'nav.reminderSettings', roles: ['mediator', 'lawyer', 'court', 'officer'] },
  { href: '/admin/reminders', label: 'nav.failedReminders', roles: ['admin'] },
];

/** Where a user lands after signing in. */
export const homeOf = (role: UserRole): string => (role === 'admin' ? '/admin/users' : '/');
