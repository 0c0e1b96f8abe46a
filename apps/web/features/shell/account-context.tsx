'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { ShellAccount } from '@/lib/session';

export interface OpenAccount {
  /** The account opened in this session (own by default). */
  account: ShellAccount;
  /** The signed-in user's id (to recognise their own messages). */
  viewerId: string;
  /** Every account the viewer may open (own first), as the shell loaded them for this page. */
  accounts?: ShellAccount[];
}

const AccountContext = createContext<OpenAccount | null>(null);

export function AccountProvider({ value, children }: { value: OpenAccount; children: ReactNode }) {
  return <AccountContext.Provider value={value}>{children}</AccountContext.Provider>;
}

export function useOpenAccount(): OpenAccount {
  const value = useContext(AccountContext);
  if (!value) throw new Error('useOpenAccount outside the signed-in shell');
  return value;
}

export function useHasRight(right: ShellAccount['myRights'][number]): boolean {
  return useOpenAccount().account.myRights.includes(right);
}
