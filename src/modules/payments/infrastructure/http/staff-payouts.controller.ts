import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { StartPayoutOnboardingUseCase } from '../../application/start-payout-onboarding.use-case';
import { ONBOARDING_EXAMPLE, OnboardingLinkResponse } from './dto/payment.responses';

/** CONTRACT §5.4: staff set up where their payouts go. */
@ApiTags('payments')
@Controller('api/v1/companions/me/payouts')
export class StaffPayoutsController {
  constructor(private readonly onboarding: StartPayoutOnboardingUseCase) {}

  @Post('onboard')
  @HttpCode(200)
  @Auth({ roles: ['staff'], sessionOnly: true })
  @ApiOperation({ summary: 'A link to set up payouts (Stripe Connect onboarding)' })
  @ApiOkResponse({ type: OnboardingLinkResponse, example: ONBOARDING_EXAMPLE })
  onboard(@CurrentActor() actor: Actor): Promise<OnboardingLinkResponse> {
    return this.onboarding.execute(actor);
  }
}
