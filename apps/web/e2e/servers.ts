// The types of stack.cjs, which holds the code: `npm run bench:web` (plain node) starts the same stack.
export interface Stack {
  apiUrl: string;
  webUrl: string;
  dataDir: string;
  /** Stops only the API (to see how the web app behaves without it). */
  stopApi(): Promise<void>;
  stop(): Promise<void>;
}

interface StackModule {
  REPO: string;
  freePort: () => Promise<number>;
  /** Starts the built API (fresh SQLite in a temp dir, demo circle seeded) and the built web app on free ports. */
  startStack: (prefix?: string) => Promise<Stack>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const stack = require('./stack.cjs') as StackModule;

export const { REPO, freePort, startStack } = stack;
