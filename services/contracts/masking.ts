/** How contact details are shown before the seeker shares them. */

/** 13812345678 → 138****5678; shorter or odd input keeps only its last 4 characters visible. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  if (phone.length > 4) return `****${phone.slice(-4)}`;
  return '****';
}
