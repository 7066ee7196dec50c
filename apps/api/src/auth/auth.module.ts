import { SettingsController } from './settings.controller';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginAttemptEntity } from './login-attempt.entity';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsModule } from './sessions.module';

@Module({
  imports: [PassportModule, SessionsModule, UsersModule, TypeOrmModule.forFeature([LoginAttemptEntity])],
  controllers: [AuthController, SettingsController],
  providers: [AuthService, AuthRepository, LocalStrategy, LoginAttemptsRepository, LoginThrottleService, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule {}
