import type { Metadata } from 'next';
import { ConnectionsView } from '@/features/connections/connections-view';

export const metadata: Metadata = { title: 'Connecties' };

export default function ConnectionsPage() {
  return <ConnectionsView />;
}
