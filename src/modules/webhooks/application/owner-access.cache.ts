import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { EndpointOwners, OwnerAccess } from '../domain/ports/endpoint-owners';

const TTL_MS = 5_000;

/**
 * Owners' access for the fan-out, remembered for 5 s: one lookup per owner instead of one per
 * event and endpoint. A downgrade or suspension stops deliveries within those seconds.
 */
@Injectable()
export class OwnerAccessCache {
  private readonly entries = new Map<number, { access: OwnerAccess | null; until: number }>();

  constructor(
    private readonly owners: EndpointOwners,
    private readonly clock: Clock,
  ) {}

  async accessOf(userId: number): Promise<OwnerAccess | null> {
    const now = this.clock.now().getTime();
    const cached = this.entries.get(userId);
    if (cached && cached.until > now) return cached.access;
    const access = await this.owners.accessOf(userId);
    this.entries.set(userId, { access, until: now + TTL_MS });
    return access;
  }
}
