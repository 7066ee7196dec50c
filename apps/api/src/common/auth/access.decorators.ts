import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Capability } from '@habeas/contracts';
import type { Actor } from './actor';

export const ACCESS_KEY = 'habeas:access';

/** What a route requires: nothing, a signed-in user, or one capability of the policy. */
export type AccessRule = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'capability'; capability: Capability };

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user may call this route. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'signed-in' } satisfies AccessRule);

/** Only users whose role grants `capability` (libs/contracts permissions.ts) may call this route; others get 403. */
export const Can = (capability: Capability) => SetMetadata(ACCESS_KEY, { kind: 'capability', capability } satisfies AccessRule);

export const MFA_SETUP_OPEN_KEY = 'habeas:mfa-setup-open';

/** This route stays open to a session whose role requires MFA not yet set up (sign-out, MFA setup, me). */
export const OpenDuringMfaSetup = () => SetMetadata(MFA_SETUP_OPEN_KEY, true);

/** The signed-in actor of the request (set by the access guard). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without a signed-in user');
  return request.actor;
});
