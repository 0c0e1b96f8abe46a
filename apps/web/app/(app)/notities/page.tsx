import { pageTitle } from '@/lib/i18n/metadata';
import { NotesView } from '@/features/notes/notes-view';

export const generateMetadata = pageTitle('notes.title');

export default function NotesPage() {
  return <NotesView />;
}
