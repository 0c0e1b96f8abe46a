/**
 * Mobile numbers (DESIGN.md, profile): validated and normalised to E.164.
 * Dutch numbers written the Dutch way ("06 12 34 56 78", "+31 (0)6 …", "0031 6 …") are accepted.
 * A Dutch number must be a mobile one (+316…): the number exists to receive SMS codes.
 */

const E164 = /^\+[1-9]\d{7,14}$/;
const DUTCH_MOBILE = /^\+316\d{8}$/;

export function normalizePhone(input: string): string | null {
  if (input.length > 40) return null;
  // "(0)" after a country code is a common Dutch way of writing the trunk prefix.
  let s = input.trim().replace(/\(0\)/g, '').replace(/[\s\-.()/]/g, '');
  if (!/^\+?\d+$/.test(s)) return null;
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  else if (s.startsWith('0')) s = `+31${s.slice(1)}`;
  else if (!s.startsWith('+')) return null;
  // "+31 06 …": the national 0 written after the country code.
  if (s.startsWith('+310')) s = `+31${s.slice(4)}`;
  if (!E164.test(s)) return null;
  if (s.startsWith('+31') && !DUTCH_MOBILE.test(s)) return null;
  return s;
}
