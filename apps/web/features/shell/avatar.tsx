/** A profile picture, or the initials on a calm background when there is none. */
export function Avatar({ name, url, me }: { name: string; url: string | null; me?: boolean }) {
  if (url) {
    // Plain <img>: avatars come from the API's own address (allowed by the CSP), no optimiser needed.
    // eslint-disable-next-line @next/next/no-img-element
    return <img className="avatar" src={url} alt="" width={40} height={40} />;
  }
  return (
    <span className={me ? 'avatar me' : 'avatar'} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
