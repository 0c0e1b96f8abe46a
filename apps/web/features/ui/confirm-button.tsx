'use client';

import { useState } from 'react';
import { useI18n } from '@/lib/i18n/client';

/** A delete button that asks once, inline (no browser dialog), before it acts. */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  busy,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button link" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={question} className="button-row">
      <span>{question}</span>
      <button
        type="button"
        className="button danger"
        disabled={busy}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('app.delete')}
      </button>
      <button type="button" className="button secondary" onClick={() => setAsking(false)}>
        {t('app.cancel')}
      </button>
    </div>
  );
}
