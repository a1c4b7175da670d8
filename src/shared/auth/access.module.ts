import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access.guard';
import { CsrfVerifier } from './csrf-verifier';

/** The global access guard. Imported before the rate-limit module: guards run in that order. */
@Global()
@Module({
  imports: [PassportModule],
  providers: [CsrfVerifier, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [CsrfVerifier],
})
export class AccessModule {}
