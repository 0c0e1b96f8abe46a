import type { Metadata } from 'next';
import { ComingSoon } from '@/features/ui/coming-soon';

export const metadata: Metadata = { title: 'Connecties' };

export default function Page() {
  return <ComingSoon title="menu.connections" />;
}
