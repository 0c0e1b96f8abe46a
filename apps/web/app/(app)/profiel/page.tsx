import { pageTitle } from '@/lib/i18n/metadata';
import { ProfileView } from '@/features/profile/profile-view';

export const generateMetadata = pageTitle('profile.title');

export default function ProfilePage() {
  return <ProfileView />;
}
