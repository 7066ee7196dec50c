import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { FastifyRequest } from 'fastify';
import { loginRequest } from '@habeas/contracts';
import { UserEntity } from '../users/user.entity';
import { AuthService } from './auth.service';

/** passport-local: email + password (+ TOTP from the same body) → the user, or a 401/429. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest, email: string, password: string): Promise<UserEntity> {
    const body = loginRequest.parse({ ...(request.body as object), email, password });
    return this.auth.verifyCredentials(body.email, body.password, body.totp, request.ip);
  }
}
