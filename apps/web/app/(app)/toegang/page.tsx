import { pageTitle } from '@/lib/i18n/metadata';
import { AccessLogView } from '@/features/access-log/access-log-view';

export const generateMetadata = pageTitle('access.title');

export default function AccessLogPage() {
  return <AccessLogView />;
}
