import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { loginRequest } from '@habeas/contracts';

/** Validates the sign-in body first (400 on bad input), then runs passport-local. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    request.body = loginRequest.parse(request.body ?? {});
    return super.canActivate(context) as Promise<boolean>;
  }
}
