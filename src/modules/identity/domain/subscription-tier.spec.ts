import { effectiveTier } from './subscription-tier';

describe('effectiveTier', () => {
  it("is the organization's tier for a member, whether higher or lower", () => {
    expect(effectiveTier('free', 'enterprise')).toBe('enterprise');
    expect(effectiveTier('enterprise', 'free')).toBe('free');
  });

  it("is the user's own tier outside an organization", () => {
    expect(effectiveTier('pro', null)).toBe('pro');
  });
});
