// Side-effect imports: modules that add HTTP routes or provider-key resolvers register them here.
import './connections/jobs';
import './providers/register';
import './dossier/register';
import './outbox/register';
import './calendar/register';
import './notifications/register';
import './notifications/care-plan';
import './messages/register';
import './notes/register';
import './profile/avatar.routes';
import './sessions/housekeeping';
export {};
