import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { HostResolver } from '../domain/ports/network';
import { isForbiddenAddress, parseEndpointUrl, URL_PROBLEMS } from '../domain/url-safety';
import { WebhookSettings } from '../domain/webhook-endpoint';

export type DeliveryTarget = { url: URL; address: string } | { refused: string };

/**
 * SSRF protection (CONTRACT §7.2): an endpoint's host must resolve only to public addresses, at
 * registration and again at every delivery, and the delivery connects to the address checked.
 */
@Injectable()
export class UrlGuard {
  constructor(
    private readonly settings: WebhookSettings,
    private readonly resolver: HostResolver,
  ) {}

  /** The URL to store (as WHATWG URL spells it), or a 422 on `url`. */
  async checkForRegistration(text: string): Promise<string> {
    const target = await this.target(text);
    if ('refused' in target) throw DomainError.invalidField('url', target.refused);
    return target.url.href;
  }

  async targetForDelivery(text: string): Promise<DeliveryTarget> {
    return this.target(text);
  }

  private async target(text: string): Promise<DeliveryTarget> {
    const parsed = parseEndpointUrl(text, this.settings);
    if ('problem' in parsed) return { refused: URL_PROBLEMS[parsed.problem] };
    const addresses = parsed.literal ? [parsed.host] : await this.resolver.resolve(parsed.host);
    if (addresses.length === 0) return { refused: URL_PROBLEMS.unresolvable };
    // Every answer must be allowed: a name that mixes a public and a private address is refused.
    if (!this.settings.allowPrivate && addresses.some(isForbiddenAddress)) {
      return { refused: URL_PROBLEMS.address };
    }
    return { url: parsed.url, address: addresses[0] };
  }
}
