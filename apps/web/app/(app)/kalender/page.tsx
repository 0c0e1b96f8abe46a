import type { Metadata } from 'next';
import { CalendarEmpty } from '@/features/calendar/calendar-empty';

export const metadata: Metadata = { title: 'Kalender' };

export default function CalendarPage() {
  return <CalendarEmpty />;
}
