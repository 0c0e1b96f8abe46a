import { DEMO_STEPS } from '../../seed/demo';
import { seedDemoNotes } from './demo';

DEMO_STEPS.push(seedDemoNotes);
