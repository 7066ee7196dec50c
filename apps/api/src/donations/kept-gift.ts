/**
 * A gift that still counts (`d` is the donations alias): money received and not all of it refunded or disputed.
 * The donor count and the supporters list both use it, so they agree after refunds and disputes.
 */
export const KEPT_GIFT = `d.paid_minor - d.refunded_minor - d.disputed_minor > 0`;
