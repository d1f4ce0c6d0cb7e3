import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { DirectoryModule } from '../../directory/directory.module';
import { AdminDirectoryController } from './admin-directory.controller';
import { AdminUsersController } from './admin-users.controller';

/** The administrator's pages: users (/admin/users) and the directory (/admin/directory). */
@Module({
  imports: [AuthModule, DirectoryModule],
  controllers: [AdminUsersController, AdminDirectoryController],
})
export class AdminModule {}
