import type { Metadata } from 'next';
import { CalendarView } from '@/features/calendar/calendar-view';

export const metadata: Metadata = { title: 'Kalender' };

export default function CalendarPage() {
  return <CalendarView />;
}
