import { pageTitle } from '@/lib/i18n/metadata';
import { ConnectionsView } from '@/features/connections/connections-view';

export const generateMetadata = pageTitle('connections.title');

export default function ConnectionsPage() {
  return <ConnectionsView />;
}
