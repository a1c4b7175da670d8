import { Injectable } from '@nestjs/common';
import { AccessEndings } from './access-endings';

/** After a web session is destroyed: says so, so that connections opened with it close too. */
@Injectable()
export class LogOutUseCase {
  constructor(private readonly endings: AccessEndings) {}

  execute(userId: number, sessionReference: string): Promise<void> {
    return this.endings.loggedOut(userId, sessionReference);
  }
}
