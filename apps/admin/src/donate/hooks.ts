import type { CheckoutRequest, PublicBankTransfer, PublicCampaign } from '@habeas/contracts';

/**
 * The public donation page's calls. They run without a session: no CSRF header, no cookie needed, so they use
 * `fetch` directly rather than the admin's `api` (which sends the CSRF token of a signed-in user).
 */
const campaignPath = (slug: string) => `/api/public/campaigns/${encodeURIComponent(slug)}`;
const bankPath = (slug: string) => `${campaignPath(slug)}/bank-transfer`;
const amountQuery = (amountMinor: number | null) => (amountMinor ? `?amountMinor=${amountMinor}` : '');

export type CampaignLoad = { kind: 'not-found' } | { kind: 'error' } | { kind: 'ready'; campaign: PublicCampaign };

/** The campaign of a case by its slug; a 404 is "no such campaign", any other failure an error. */
export async function loadCampaign(slug: string): Promise<CampaignLoad> {
  try {
    const response = await fetch(campaignPath(slug));
    if (response.status === 404) return { kind: 'not-found' };
    if (!response.ok) return { kind: 'error' };
    return { kind: 'ready', campaign: (await response.json()) as PublicCampaign };
  } catch {
    return { kind: 'error' };
  }
}

/** Starts a Stripe Checkout session; the answer is the URL to send the donor to, or an error with the server's message. */
export async function startCheckout(slug: string, body: CheckoutRequest): Promise<string> {
  const response = await fetch(`${campaignPath(slug)}/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { url?: string; message?: string };
  if (!response.ok || !answer.url) throw new Error(answer.message ?? String(response.status));
  return answer.url;
}

/** Bank details, QR and purpose for a transfer of `amountMinor` kopecks (or no amount); null when they cannot be had. */
export async function loadBankTransfer(slug: string, amountMinor: number | null): Promise<PublicBankTransfer | null> {
  try {
    const response = await fetch(`${bankPath(slug)}${amountQuery(amountMinor)}`, { headers: { accept: 'application/json' } });
    return response.ok ? ((await response.json()) as PublicBankTransfer) : null;
  } catch {
    return null;
  }
}

/** The QR as a PNG file to save, for the same amount. */
export const bankQrPngUrl = (slug: string, amountMinor: number | null) => `${bankPath(slug)}/qr.png${amountQuery(amountMinor)}`;

/** A donor asks for a receipt code for their transfer; the answer carries the details with that code in the purpose. */
export async function pledgeBankTransfer(slug: string, body: { amountMinor: number | null; email: string }): Promise<PublicBankTransfer> {
  const response = await fetch(`${bankPath(slug)}/pledges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as PublicBankTransfer & { message?: string };
  if (!response.ok) throw new Error(answer.message ?? String(response.status));
  return answer;
}
