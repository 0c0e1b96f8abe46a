import { DEMO_STEPS } from '../../seed/demo';
import { seedDemoMessages } from './demo';

DEMO_STEPS.push(seedDemoMessages);
