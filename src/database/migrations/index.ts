import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { Outbox1764100000000 } from './1764100000000-outbox';
import { CaseListingIndex1764200000000 } from './1764200000000-case-listing-index';
import { PaymentsLedger1764300000000 } from './1764300000000-payments-ledger';
import { UsersAndSignIn1764400000000 } from './1764400000000-users-and-sign-in';
import { CaseAccess1764500000000 } from './1764500000000-case-access';
import { AuditLog1764600000000 } from './1764600000000-audit-log';
import { PaymentReversals1764700000000 } from './1764700000000-payment-reversals';
import { Directory1764750000000 } from './1764750000000-directory';
import { FrozenDocuments1764800000000 } from './1764800000000-frozen-documents';
import { PaymentReceipts1764850000000 } from './1764850000000-payment-receipts';
import { UserLanguage1764900000000 } from './1764900000000-user-language';
import { WorkDates1764940000000 } from './1764940000000-work-dates';
import { Reminders1764950000000 } from './1764950000000-reminders';
import { Statistics1764970000000 } from './1764970000000-statistics';

/** Every migration, in order. The service runs them on start; `synchronize` is never used. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  Outbox1764100000000,
  CaseListingIndex1764200000000,
  PaymentsLedger1764300000000,
  UsersAndSignIn1764400000000,
  CaseAccess1764500000000,
  AuditLog1764600000000,
  PaymentReversals1764700000000,
  Directory1764750000000,
  FrozenDocuments1764800000000,
  PaymentReceipts1764850000000,
  UserLanguage1764900000000,
  WorkDates1764940000000,
  Reminders1764950000000,
  Statistics1764970000000,
];
