'use client';

import Link from 'next/link';
import { useId, useState, type SyntheticEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { firstApiError } from '@/lib/errors';
import { REQUEST_STEP_UP_CODE, VERIFY_STEP_UP_CODE } from './operations';

function stepUpErrorKey(error: unknown): MessageKey {
  const info = firstApiError(error);
  switch (info?.code) {
    case 'RATE_LIMITED':
      return 'stepUp.error.RATE_LIMITED';
    case 'PHONE_REQUIRED':
      return 'stepUp.error.PHONE_REQUIRED';
    case 'BAD_USER_INPUT':
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return 'stepUp.error.WRONG_CODE';
    default:
      return 'error.generic';
  }
}

/**
 * "Bevestig met sms-code": asks the API to text a code to the viewer's verified number,
 * then verifies it for this session. Used by every page behind @stepUp (dossier, connections, access log).
 * The code is only sent when the user asks, so that opening a page twice does not use up the SMS limit.
 */
export function StepUpPanel({ onVerified }: { onVerified: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState(false);
  const [request, requested] = useMutation(REQUEST_STEP_UP_CODE);
  const [verify, verified] = useMutation(VERIFY_STEP_UP_CODE);
  const sentTo = requested.data?.requestStepUpCode.sentTo;

  async function send() {
    verified.reset();
    try {
      await request();
    } catch {
      // shown below
    }
  }

  async function submit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setFormatError(true);
      return;
    }
    setFormatError(false);
    try {
      await verify({ variables: { code: digits } });
      onVerified();
    } catch {
      setCode('');
    }
  }

  const error = requested.error ?? verified.error;
  const errorKey = formatError ? 'stepUp.error.FORMAT' : error ? stepUpErrorKey(error) : null;

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('stepUp.title')}</h2>
      <p>{t('stepUp.intro')}</p>
      {errorKey ? (
        <div className="notice error" role="alert">
          <p>{t(errorKey)}</p>
          {errorKey === 'stepUp.error.PHONE_REQUIRED' ? (
            <p>
              <Link href="/profiel">{t('dossier.toProfile')}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {!sentTo ? (
        <button type="button" className="button" disabled={requested.loading} onClick={() => void send()}>
          {requested.loading ? t('stepUp.sending') : t('stepUp.send')}
        </button>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p role="status">{t('stepUp.sentTo', { to: sentTo })}</p>
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('stepUp.code')}</label>
            <input
              id={`${id}-code`}
              className="code-input"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={7}
              value={code}
              aria-invalid={errorKey !== null}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={verified.loading}>
              {verified.loading ? t('stepUp.verifying') : t('stepUp.verify')}
            </button>
            <button type="button" className="button link" disabled={requested.loading} onClick={() => void send()}>
              {t('stepUp.resend')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
