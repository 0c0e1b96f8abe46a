import type { Metadata } from 'next';
import { AccessLogView } from '@/features/access-log/access-log-view';

export const metadata: Metadata = { title: 'Wie heeft wat bekeken' };

export default function AccessLogPage() {
  return <AccessLogView />;
}
