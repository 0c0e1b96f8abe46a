'use client';

import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { PublicApollo } from '@/features/onboarding/public-apollo';
import { HelpPanel } from './help-panel';

/** The round help button, bottom right on every page (signed in or not), and its panel. */
export function HelpBubble({
  supportEmail,
  signedIn,
  wrap = (node) => <PublicApollo>{node}</PublicApollo>,
}: {
  supportEmail: string;
  signedIn: boolean;
  /** Gives the panel its API client (its own, since the bubble also lives outside the signed-in area); replaced in tests. */
  wrap?: (node: ReactNode) => ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  function close() {
    setOpen(false);
    // Back to where the user was.
    requestAnimationFrame(() => button.current?.focus());
  }
  return (
    <div className="help-root no-print">
      <button
        ref={button}
        type="button"
        className="help-bubble"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">{t('help.open')}</span>
      </button>
      {open ? (
wrap(<HelpPanel supportEmail={supportEmail} signedIn={signedIn} onClose={close} />)
      ) : null}
    </div>
  );
}
