import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '../auth/sessions.module';
import { UserEntity } from './user.entity';
import { UserInviteEntity } from './user-invite.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { UsersDemo } from './users.demo';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetService } from './password-reset.service';
import { PasswordResetsRepository } from './password-resets.repository';

@Module({
  imports: [SessionsModule, TypeOrmModule.forFeature([UserEntity, UserInviteEntity])],
  controllers: [UsersController, PasswordResetController],
  providers: [UsersService, UsersRepository, UsersDemo, PasswordResetService, PasswordResetsRepository],
  exports: [UsersService],
})
export class UsersModule {}
