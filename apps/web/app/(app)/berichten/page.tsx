import { pageTitle } from '@/lib/i18n/metadata';
import { MessagesView } from '@/features/messages/messages-view';

export const generateMetadata = pageTitle('messages.title');

export default function MessagesPage() {
  return <MessagesView />;
}
