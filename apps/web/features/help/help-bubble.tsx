'use client';

import { lazy, Suspense, useRef, useState, type ComponentType } from 'react';
import { useI18n } from '@/lib/i18n/client';
import type { HelpPanelProps } from './help-panel';

// The panel (with Apollo and the GraphQL parser) is a chunk of its own, fetched when the button is
// pointed at, focused or pressed, so that it is not part of every page's first load.
const loadPanel = () => import('./help-panel-with-api');
const LazyPanel = lazy(loadPanel);
function preload() {
  void loadPanel();
}

/** The round help button, bottom right on every page (signed in or not), and its panel. */
export function HelpBubble({
  supportEmail,
  signedIn,
  Panel = LazyPanel,
}: {
  supportEmail: string;
  signedIn: boolean;
  /** The panel with its API client; tests pass the bare panel under their own mocked client. */
  Panel?: ComponentType<HelpPanelProps>;
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
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">{t('help.open')}</span>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <Panel supportEmail={supportEmail} signedIn={signedIn} onClose={close} />
        </Suspense>
      ) : null}
    </div>
  );
}
