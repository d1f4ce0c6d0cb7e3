import { Module } from '@nestjs/common';
import { CalendarFeeds } from './calendar-feeds';
import { Inbox } from './inbox';
import { Mailer } from './mailer';
import { ReminderDispatcher } from './reminder-dispatcher';
import { ReminderPlanner } from './reminder-planner';
import { ReminderPreferencesService } from './reminder-preferences';
import { CalendarController, RemindersController } from './reminders.controller';

/**
 * Reminders that reach people (issue 11): planned with each event of a case (ReminderPlanner, a write hook of the
 * store), delivered once to the inbox and by e-mail (ReminderDispatcher), per the user's preferences; a personal
 * calendar feed. The rules and lead times: src/law/reminder-rules.ts.
 */
@Module({
  controllers: [RemindersController, CalendarController],
  providers: [Mailer, ReminderPreferencesService, ReminderDispatcher, ReminderPlanner, CalendarFeeds, Inbox],
  exports: [ReminderPreferencesService, ReminderDispatcher, CalendarFeeds, Inbox, Mailer],
})
export class RemindersModule {}
