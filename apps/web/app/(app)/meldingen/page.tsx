import { pageTitle } from '@/lib/i18n/metadata';
import { NotificationsView } from '@/features/notifications/notifications-view';

export const generateMetadata = pageTitle('notify.title');

export default function NotificationsPage() {
  return <NotificationsView />;
}
