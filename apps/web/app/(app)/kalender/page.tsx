import { pageTitle } from '@/lib/i18n/metadata';
import { CalendarView } from '@/features/calendar/calendar-view';
import { calendarOnServer } from '@/features/calendar/server';
import type { CalendarMode } from '@/features/calendar/zoned';

export const generateMetadata = pageTitle('calendar.title');

const MODES: Record<string, CalendarMode> = { maand: 'month', week: 'week', agenda: 'list' };

/** `?datum=2022-01-05&weergave=agenda` opens the calendar at that day and view (links from e-mails). */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const date = typeof params.datum === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.datum) ? params.datum : undefined;
  const mode = typeof params.weergave === 'string' ? MODES[params.weergave] : undefined;
  return <CalendarView initialDate={date} initialMode={mode} initial={await calendarOnServer({ initialDate: date, initialMode: mode })} />;
}
