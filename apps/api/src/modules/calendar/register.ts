// Registers the calendar area: the feed route, the reminder job and the demo appointments.
import { ROUTES } from '../../http/routes';
import { JOBS } from '../../worker/workers';
import { DEMO_STEPS } from '../../seed/demo';
import { calendarFeedRoute } from './feed.route';
import { reminderJob } from './reminders';
import { seedDemoCalendar } from './calendar.demo';

ROUTES.push(calendarFeedRoute);
JOBS.push(reminderJob);
DEMO_STEPS.push(seedDemoCalendar);
