export interface CreateBookingCommand {
  companionId: number;
  eventDate: string;
  startTime: string;
  durationHours: number;
  serviceType: string;
  location: string;
  customerEmail: string;
  notes: string | null;
  cancellationInsurance: boolean;
}
