'use client';

import { useI18n } from '@/lib/i18n/client';

/** The password-length rules of the API (8–128), checked here too so that a typo costs no round trip. */
export function passwordProblem(password: string): 'TOO_SHORT' | 'TOO_LONG' | null {
  const length = [...password].length;
  if (length < 8) return 'TOO_SHORT';
  if (length > 128) return 'TOO_LONG';
  return null;
}

/** New password, twice (with the hint), as every form that sets one shows it. */
export function NewPasswordFields({
  idPrefix,
  password,
  repeat,
  onPassword,
  onRepeat,
  invalid,
}: {
  idPrefix: string;
  password: string;
  repeat: string;
  onPassword: (v: string) => void;
  onRepeat: (v: string) => void;
  invalid?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-pw`}>{t('common.passwordNew')}</label>
        <p className="hint" id={`${idPrefix}-pw-hint`}>
          {t('common.passwordHint')}
        </p>
        <input
          id={`${idPrefix}-pw`}
          type="password"
          autoComplete="new-password"
          value={password}
          aria-describedby={`${idPrefix}-pw-hint`}
          aria-invalid={invalid || undefined}
          onChange={(e) => onPassword(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-pw2`}>{t('common.passwordRepeat')}</label>
        <input
          id={`${idPrefix}-pw2`}
          type="password"
          autoComplete="new-password"
          value={repeat}
          aria-invalid={invalid || undefined}
          onChange={(e) => onRepeat(e.target.value)}
        />
      </div>
    </>
  );
}
