import {
  Customer,
  CustomerDirectory,
} from '../../../src/modules/bookings/domain/ports/customer-directory';

/** Active clients by e-mail (case-insensitive). */
export class FakeCustomerDirectory extends CustomerDirectory {
  private readonly customers: Customer[] = [];

  add(customer: Customer): Customer {
    this.customers.push(customer);
    return customer;
  }

  async findActiveClient(email: string): Promise<Customer | null> {
    return (
      this.customers.find((customer) => customer.email.toLowerCase() === email.toLowerCase()) ??
      null
    );
  }
}
