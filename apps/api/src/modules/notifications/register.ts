import { JOBS } from '../../worker/workers';
import { MESSAGE_POSTED_LISTENERS } from '../messages/message.service';
import { notificationsJob, queueNotification } from './notify';

JOBS.push(notificationsJob);
MESSAGE_POSTED_LISTENERS.push((m, now, message) =>
  queueNotification(m, now, { accountId: message.accountId, kind: 'NEW_MESSAGE', audience: message.audience, actorUserId: message.authorUserId }),
);
