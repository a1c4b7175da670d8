/**
 * The messaging module's front door: the only file other modules (and the composition root) may
 * import. Messaging alone reads and writes `conversations`, `conversation_participants` and
 * `messages`.
 */
export { MessagingModule, type MessagingModuleOptions } from './messaging.module';

// What other modules call: closing a user's sockets on every instance at once, after a change
// that ends their access has committed (operators' suspension). Identity's own `user.suspended`
// and `user.logged_out` events already reach it through the outbox.
export { DisconnectUserSocketsUseCase } from './application/disconnect-user-sockets.use-case';
