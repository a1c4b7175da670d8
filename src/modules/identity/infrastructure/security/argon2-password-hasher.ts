import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { PasswordHasher } from '../../domain/ports/password-hasher';

/** argon2id with the library's defaults (64 MiB, 3 passes), a memory-hard KDF (CONTRACT §2.1). */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  private readonly decoy = argon2.hash('decoy password for unknown accounts', {
    type: argon2.argon2id,
  });

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
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
