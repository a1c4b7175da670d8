/** What reviews asks of the companions module: the profile's average moves with publication. */
export abstract class StaffRatings {
  /** In the caller's transaction: these ratings of the staff member became public. */
  abstract addPublished(companionId: number, ratings: readonly number[]): Promise<void>;
}
