'use client';

import { useMutation } from '@apollo/client/react';
import { useI18n } from '@/lib/i18n/client';
import { ConfirmAction } from '@/features/ui/confirm-action';
import { ErrorNotice } from '@/features/ui/error-notice';
import { LEAVE_ACCOUNT } from '@/features/profile/operations';

/** "Deze kring verlaten" for a helper; afterwards the browser goes back to the viewer's own account. */
export function LeaveCircle({ accountId, name, onLeft }: { accountId: string; name: string; onLeft?: () => void }) {
  const { t } = useI18n();
  const [leave, left] = useMutation(LEAVE_ACCOUNT);
  return (
    <div className="card">
      <ErrorNotice error={left.error} />
      {left.data?.leaveAccount ? (
        <p role="status">{t('profile.left', { name })}</p>
      ) : (
        <ConfirmAction
          label={t('profile.leave')}
          confirmLabel={t('profile.leaveConfirm')}
          question={t('profile.leaveQuestion', { name })}
          busy={left.loading}
          onConfirm={() =>
            void leave({ variables: { accountId } }).then(
              // A full navigation: the shell (server-rendered) must drop the account that was left.
              // eslint-disable-next-line @next/next/no-location-assign-relative-destination
              () => (onLeft ? onLeft() : window.location.assign('/kalender')),
              () => undefined,
            )
          }
        />
      )}
    </div>
  );
}
