import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '../auth/sessions.module';
import { UserEntity } from './user.entity';
import { UserInviteEntity } from './user-invite.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { UsersDemo } from './users.demo';

@Module({
  imports: [SessionsModule, TypeOrmModule.forFeature([UserEntity, UserInviteEntity])],
  controllers: [UsersController],
  providers: [UsersService, UsersDemo],
  exports: [UsersService],
})
export class UsersModule {}
