import type { DonorGift, DonorGifts, DonorLanguage } from '@habeas/contracts';

/**
 * The donor's private page calls. The link's token is the only credential (no session, no CSRF cookie), so they
 * use `fetch` directly rather than the admin's `api`.
 */
const linkPath = (token: string) => `/api/public/donor-links/${encodeURIComponent(token)}`;

export type GiftsLoad = { kind: 'not-found' } | { kind: 'error' } | { kind: 'ready'; data: DonorGifts };

/** The donor's gifts behind a link, texts in `lang` (the donor's own language when null). */
export async function loadGifts(token: string, lang: DonorLanguage | null): Promise<GiftsLoad> {
  try {
    const response = await fetch(`${linkPath(token)}${lang ? `?language=${lang}` : ''}`, { headers: { accept: 'application/json' } });
    if (response.status === 404) return { kind: 'not-found' };
    if (!response.ok) return { kind: 'error' };
    return { kind: 'ready', data: (await response.json()) as DonorGifts };
  } catch {
    return { kind: 'error' };
  }
}

async function send(path: string, method: string, body?: unknown): Promise<DonorGift> {
  const response = await fetch(path, {
    method,
    headers: body ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as DonorGift & { message?: string };
  if (!response.ok) throw new Error(json.message ?? String(response.status));
  return json;
}

/** A new amount for a live monthly gift. */
export const changeGiftAmount = (token: string, giftId: string, amountMinor: number) => send(`${linkPath(token)}/gifts/${giftId}`, 'PATCH', { amountMinor });

/** Cancels a monthly gift. */
export const cancelGift = (token: string, giftId: string) => send(`${linkPath(token)}/gifts/${giftId}/cancel`, 'POST');

/** A receipt to download, in the donor's language. */
export const receiptUrl = (token: string, receiptId: string, lang: DonorLanguage) => `${linkPath(token)}/receipts/${receiptId}?language=${lang}`;
