export * from './zone';
export * from './recurrence';
export * from './ics';
