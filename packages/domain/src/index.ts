export * from './rights';
export * from './step-up';
export * from './sessions';
export * from './codes';
export * from './phone';
export * from './throttle';
export * from './time';
