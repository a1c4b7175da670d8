import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as argon2 from 'argon2';
import { Configuration } from '../../../../config/configuration';
import { PasswordHasher } from '../../domain/ports/password-hasher';

/** argon2id, a memory-hard KDF (CONTRACT §2.1): 64 MiB and 3 passes unless configured. */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  private readonly options: { type: typeof argon2.argon2id; memoryCost: number };
  private readonly decoy: Promise<string>;

  constructor(config: ConfigService<Configuration, true>) {
    super();
    const memoryCost = config.get('auth', { infer: true }).passwordHashMemoryKib;
    this.options = { type: argon2.argon2id, memoryCost };
    this.decoy = argon2.hash('decoy password for unknown accounts', this.options);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      await argon2.verify(await this.decoy, password);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
