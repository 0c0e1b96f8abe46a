import type { Metadata } from 'next';
import { currentLocale } from '@/lib/session';
import { makeT, type MessageKey } from '.';

/** A page's `generateMetadata`: its title in the viewer's language (the browser tab, what a screen reader announces first). */
export function pageTitle(key: MessageKey): () => Promise<Metadata> {
  return async () => ({ title: makeT(await currentLocale())(key) });
}
