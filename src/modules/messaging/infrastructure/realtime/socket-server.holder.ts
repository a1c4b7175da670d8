import { Injectable } from '@nestjs/common';
import { Server } from 'socket.io';

/** The Socket.io server, once the gateway has it; pushes before that have nobody to reach. */
@Injectable()
export class SocketServerHolder {
  private server: Server | null = null;

  attach(server: Server): void {
    this.server = server;
  }

  get(): Server | null {
    return this.server;
  }
}

/** Every socket of a user joins this room; an emit to it reaches them on every instance. */
export function userRoom(userId: number): string {
  return `user:${userId}`;
}

/** Sockets opened with a web session join its room, so that its logout closes them. */
export function sessionRoom(reference: string): string {
  return `session:${reference}`;
}
