import { ROUTES } from '../../http/routes';
import { JOBS } from '../../worker/workers';
import { devOutboxRoute } from './dev-outbox';
import { outboxJob } from './delivery';

ROUTES.push(devOutboxRoute);
JOBS.push(outboxJob);
