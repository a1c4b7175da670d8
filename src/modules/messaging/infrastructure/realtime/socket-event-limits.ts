import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Socket } from 'socket.io';
import { Configuration, MessagingSettings } from '../../../../config/configuration';
import { Clock } from '../../../../shared/domain/clock';
import { EventRateLimiter } from '../../../../shared/rate-limit/event-rate-limiter';

export type EventVerdict = 'allowed' | 'refused' | 'disconnect';

interface SocketWindow {
  startedAt: number;
  events: number;
}

/** Refused events within one window after which the socket is closed ("repeated abuse"). */
export const REFUSALS_BEFORE_DISCONNECT = 20;

const WINDOWS = new WeakMap<Socket, SocketWindow>();

/**
 * CONTRACT §6.4: a budget per socket (counted in the socket's own process, where it lives) and a
 * budget per user across all their sockets and instances (in the shared rate-limit storage, so
 * reconnecting does not reset it). A socket that keeps sending past its budget is closed.
 */
@Injectable()
export class SocketEventLimits {
  private readonly settings: MessagingSettings;

  constructor(
    config: ConfigService<Configuration, true>,
    private readonly limiter: EventRateLimiter,
    private readonly clock: Clock,
  ) {
    this.settings = config.get('messaging', { infer: true });
  }

  async count(socket: Socket, userId: number): Promise<EventVerdict> {
    const now = this.clock.now().getTime();
    const rule = this.settings.socketEvents;
    let window = WINDOWS.get(socket);
    if (!window || now - window.startedAt >= rule.windowMs) {
      window = { startedAt: now, events: 0 };
      WINDOWS.set(socket, window);
    }
    window.events += 1;
    if (window.events > rule.limit) {
      return window.events - rule.limit >= REFUSALS_BEFORE_DISCONNECT ? 'disconnect' : 'refused';
    }
    const withinUserBudget = await this.limiter.allow(
      'socket-user',
      String(userId),
      this.settings.userEvents,
    );
    return withinUserBudget ? 'allowed' : 'refused';
  }
}
