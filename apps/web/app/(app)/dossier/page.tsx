import { pageTitle } from '@/lib/i18n/metadata';
import { DossierView } from '@/features/dossier/dossier-view';

export const generateMetadata = pageTitle('dossier.title');

export default function DossierPage() {
  return <DossierView />;
}
