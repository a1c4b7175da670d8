import { lookup } from 'node:dns/promises';
import { Injectable } from '@nestjs/common';
import { HostResolver } from '../../domain/ports/network';

/** The system resolver (getaddrinfo, as every HTTP client uses): every A and AAAA answer. */
@Injectable()
export class DnsHostResolver extends HostResolver {
  async resolve(host: string): Promise<string[]> {
    try {
      const answers = await lookup(host, { all: true, verbatim: true });
      return answers.map((answer) => answer.address);
    } catch {
      return [];
    }
  }
}
