'use client';

import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { PublicFrame } from './public-frame';
import { ForgotPasswordForm, ResetPasswordForm, VerifyEmailPanel, VerifyPhonePanel } from './token-forms';

type TokenPage = 'forgot' | 'reset' | 'email' | 'phone';
const TITLES: Record<TokenPage, MessageKey> = {
  forgot: 'forgot.title',
  reset: 'reset.title',
  email: 'verifyEmail.title',
  phone: 'verifyPhone.title',
};

/** The four pages reached from an e-mail, in the public frame. */
export function TokenPageView({ page, token, signedIn, demo }: { page: TokenPage; token: string; signedIn: boolean; demo: boolean }) {
  const { t } = useI18n();
  return (
    <PublicFrame title={t(TITLES[page])} signedIn={signedIn} demo={demo}>
      {page === 'forgot' ? <ForgotPasswordForm /> : null}
      {page === 'reset' ? <ResetPasswordForm token={token} /> : null}
      {page === 'email' ? <VerifyEmailPanel token={token} /> : null}
      {page === 'phone' ? <VerifyPhonePanel token={token} signedIn={signedIn} /> : null}
    </PublicFrame>
  );
}
