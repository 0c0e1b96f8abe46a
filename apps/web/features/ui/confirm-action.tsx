'use client';

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/lib/i18n/client';

/**
 * A button that asks once, inline (no browser dialog), before it acts; the confirm button names
 * the action ("Verlaten", "Intrekken") and takes the focus. `inline` keeps the question on the
 * button's own line (lists of messages and notes); otherwise it opens a small box.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  busy,
  danger = true,
  inline = false,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  danger?: boolean;
  inline?: boolean;
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
  const buttons = (
    <>
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
    </>
  );
  if (inline) {
    return (
      <div role="group" aria-label={question} className="button-row">
        <span>{question}</span>
        {buttons}
      </div>
    );
  }
  return (
    <div role="group" aria-label={question} className="confirm-box">
      <p>{question}</p>
      <div className="button-row">{buttons}</div>
    </div>
  );
}

/** A delete button that asks once, inline, before it acts. */
export function ConfirmButton(props: { label: string; question: string; onConfirm: () => void; busy?: boolean }) {
  const { t } = useI18n();
  return <ConfirmAction {...props} confirmLabel={t('app.delete')} inline />;
}
