'use client';

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/lib/i18n/client';

/** A button that asks once, inline, with a confirm button that names the action ("Verlaten", "Intrekken"). */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  busy,
  danger = true,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  danger?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="button link" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={question} className="confirm-box">
      <p>{question}</p>
      <div className="button-row">
        <button
          ref={confirmRef}
          type="button"
          className={danger ? 'button danger' : 'button'}
          disabled={busy}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button secondary" onClick={() => setAsking(false)}>
          {t('app.cancel')}
        </button>
      </div>
    </div>
  );
}
