import type { Metadata } from 'next';
import { ComingSoon } from '@/features/ui/coming-soon';

export const metadata: Metadata = { title: 'Meldingen' };

export default function Page() {
  return <ComingSoon title="menu.notifications" />;
}
