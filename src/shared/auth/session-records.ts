import { EntityManager } from 'typeorm';

/**
 * The rows of the session store (connect-pg-simple's `sessions` table, set up in
 * session.setup.ts). A session names its user in `sess.userId`; an expression index serves this.
 */
export async function deleteSessionsOfUser(manager: EntityManager, userId: number): Promise<void> {
  await manager.query(`DELETE FROM sessions WHERE (sess ->> 'userId') = $1::text`, [userId]);
}
