'use client';

import type { OccurrenceView } from './operations';
import { localParts } from './zoned';
import { useCalendarT } from './texts';

const COLOURS = ['#1d4e89', '#7a3e9d', '#0f7b6c', '#a0522d', '#b0306a', '#4b6b00'];

/** A stable colour per account, so that each person's appointments stand out in a combined agenda. */
export function accountColour(accountId: string): string {
  let h = 0;
  for (const c of accountId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[h % COLOURS.length]!;
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w && w[0] === w[0]!.toUpperCase())
    .map((w) => w[0])
    .slice(0, 2)
    .join('');
}

export function OccurrenceItem({
  occurrence,
  zone,
  showAccount,
  compact,
  onOpen,
}: {
  occurrence: OccurrenceView;
  zone: string;
  showAccount: boolean;
  compact?: boolean;
  onOpen: (o: OccurrenceView) => void;
}) {
  const { ct } = useCalendarT();
  const a = occurrence.appointment;
  const time = localParts(occurrence.start, zone).time;
  const kind = a.source === 'PROVIDER' ? 'provider' : 'private';
  return (
    <button
      type="button"
      className={`occ ${kind}${a.cancelled ? ' cancelled' : ''}${compact ? ' compact' : ''}`}
      onClick={() => onOpen(occurrence)}
    >
      {showAccount ? (
        <span className="occ-who" style={{ background: accountColour(occurrence.account.id) }} title={occurrence.account.displayName}>
          <span aria-hidden="true">{initials(occurrence.account.displayName)}</span>
          <span className="visually-hidden">{occurrence.account.displayName}: </span>
        </span>
      ) : null}
      <span className="occ-time">{time}</span> <span className="occ-title">{a.title}</span>
      {a.source === 'PROVIDER' ? <span className="visually-hidden"> ({ct('providerBadge')})</span> : null}
      {a.cancelled ? <span className="occ-flag"> {ct('cancelled')}</span> : null}
    </button>
  );
}
