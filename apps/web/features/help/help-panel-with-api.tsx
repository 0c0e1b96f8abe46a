'use client';

import { PublicApollo } from '@/features/onboarding/public-apollo';
import { HelpPanel, type HelpPanelProps } from './help-panel';

/**
 * The help panel with its own API client (the bubble also lives outside the signed-in area).
 * Loaded only when the bubble is opened or pointed at: Apollo and the GraphQL parser stay out of
 * the first load of pages that have no other use for them, such as the sign-in page.
 */
export default function HelpPanelWithApi(props: HelpPanelProps) {
  return (
    <PublicApollo>
      <HelpPanel {...props} />
    </PublicApollo>
  );
}
