import {
  BookableStaff,
  CompanionCatalog,
  DayWindow,
} from '../../../src/modules/bookings/domain/ports/companion-catalog';

/** The staff members bookings may book, with their blocked days. */
export class FakeCompanionCatalog extends CompanionCatalog {
  private readonly staff = new Map<number, BookableStaff>();

  add(staff: BookableStaff): BookableStaff {
    this.staff.set(staff.companionId, staff);
    return staff;
  }

  async findBookable(companionId: number, window: DayWindow | null): Promise<BookableStaff | null> {
    const found = this.staff.get(companionId);
    if (!found) return null;
    const blockedDates = window
      ? found.blockedDates.filter((day) => day >= window.from && day <= window.to)
      : [];
    return { ...found, blockedDates };
  }
}
