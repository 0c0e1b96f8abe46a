import type { Metadata } from 'next';
import { MessagesView } from '@/features/messages/messages-view';

export const metadata: Metadata = { title: 'Berichten' };

export default function MessagesPage() {
  return <MessagesView />;
}
