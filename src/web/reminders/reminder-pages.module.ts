import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { RemindersModule } from '../../reminders/reminders.module';
import { ReminderPagesController } from './reminder-pages.controller';

/** The inbox, the reminder settings with the calendar address, the administrator's undelivered reminders. */
@Module({ imports: [RemindersModule, AuthModule], controllers: [ReminderPagesController] })
export class ReminderPagesModule {}
