import { Injectable } from '@nestjs/common';

/**
 * Whether the process is draining before it stops: readiness answers 503 at once, so that a load
 * balancer takes the instance out of rotation while it still listens and serves, and every
 * response asks its client to close the connection (the next request opens one elsewhere).
 */
@Injectable()
export class ShutdownState {
  private isDraining = false;

  get draining(): boolean {
    return this.isDraining;
  }

  beginDraining(): void {
    this.isDraining = true;
  }
}
