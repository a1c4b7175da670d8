import { ThrottlerStorage } from '@nestjs/throttler';

/** What ThrottlerStorage.increment resolves to (the library does not export the name). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;
