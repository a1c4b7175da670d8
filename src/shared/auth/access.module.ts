import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access.guard';
import { CsrfVerifier } from './csrf-verifier';

/**
 * The access guard, applied to every route (APP_GUARD). The root imports it before the rate-limit
 * module: guards run in that order.
 */
@Module({
  imports: [PassportModule],
  providers: [CsrfVerifier, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AccessModule {}
