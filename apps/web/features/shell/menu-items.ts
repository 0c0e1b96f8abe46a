import type { MessageKey } from '@/lib/i18n';
import type { Right } from '@/lib/session';

export interface MenuItem {
  href: string;
  label: MessageKey;
  /** The right the page needs on the open account; null: always offered (the viewer's own things). */
  needs: Right | 'ANY' | null;
}

/** The menu in its order; which items show is decided by Account.myRights from the API, never a copy of the table. */
export const MENU: readonly MenuItem[] = [
  { href: '/kalender', label: 'menu.calendar', needs: 'VIEW_CALENDAR' },
  { href: '/dossier', label: 'menu.dossier', needs: 'VIEW_DOSSIER' },
  { href: '/connecties', label: 'menu.connections', needs: 'MANAGE_CONNECTIONS' },
  { href: '/toegang', label: 'menu.accessLog', needs: 'MANAGE_ACCOUNT' },
  // Notification choices concern what the viewer may see here: offered when they may see anything.
  { href: '/meldingen', label: 'menu.notifications', needs: 'ANY' },
  { href: '/berichten', label: 'menu.messages', needs: 'VIEW_MESSAGES' },
  { href: '/notities', label: 'menu.notes', needs: 'VIEW_NOTES' },
  { href: '/profiel', label: 'menu.profile', needs: null },
];

export function menuFor(rights: readonly Right[]): MenuItem[] {
  return MENU.filter((item) => item.needs === null || (item.needs === 'ANY' ? rights.length > 0 : rights.includes(item.needs)));
}
