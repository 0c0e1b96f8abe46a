import { pageTitle } from '@/lib/i18n/metadata';
import { DossierView } from '@/features/dossier/dossier-view';
import { dossierOnServer } from '@/features/dossier/server';

export const generateMetadata = pageTitle('dossier.title');

export default async function DossierPage() {
  return <DossierView initial={await dossierOnServer()} />;
}
