import { Actor } from '../../../shared/domain/actor';
import { DomainError } from '../../../shared/domain/domain-error';
import { CompanionProfile, isListed } from '../domain/companion-profile';
import {
  CompanionProfileRepository,
  StoredProfile,
} from '../domain/ports/companion-profile.repository';

/** Viewer of a profile: who asks, so owners and admins also see unlisted profiles. */
export type Viewer = Pick<Actor, 'userId' | 'role'> | null;

export const COMPANION_NOT_FOUND = 'Companion not found';

/** The profile if this viewer may see it; otherwise the same 404 as a missing one. */
export function visibleTo(stored: StoredProfile | null, viewer: Viewer): StoredProfile {
  if (!stored) throw DomainError.notFound(COMPANION_NOT_FOUND);
  const canSee =
    isListed(stored.profile, stored.userActive) ||
    viewer?.role === 'admin' ||
    viewer?.userId === stored.profile.userId;
  if (!canSee) throw DomainError.notFound(COMPANION_NOT_FOUND);
  return stored;
}

/** The profile as stored after an operator's change, or 404 if there was nothing to change. */
export async function reloadedProfile(
  profiles: CompanionProfileRepository,
  companionId: number,
  changed: boolean,
): Promise<CompanionProfile> {
  const stored = changed ? await profiles.findById(companionId) : null;
  if (!stored) throw DomainError.notFound(COMPANION_NOT_FOUND);
  return stored.profile;
}
