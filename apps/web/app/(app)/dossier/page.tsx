import type { Metadata } from 'next';
import { DossierView } from '@/features/dossier/dossier-view';

export const metadata: Metadata = { title: 'Dossier' };

export default function DossierPage() {
  return <DossierView />;
}
