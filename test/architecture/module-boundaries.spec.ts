import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Rules of ARCHITECTURE "How modules talk to each other" that imports cannot show (the layer
 * lint checks those): a module's SQL names only its own tables, and no module is global but
 * the two ambient ones (configuration and time).
 */
const src = join(__dirname, '..', '..', 'src');

/** Who owns each table: a feature module, or a part of the shared kernel. */
const TABLE_OWNERS: Record<string, string> = {
  users: 'modules/identity',
  organizations: 'modules/identity',
  login_failures: 'modules/identity',
  api_keys: 'modules/api-keys',
  companion_profiles: 'modules/companions',
  companion_blocked_dates: 'modules/companions',
  companion_portfolio_items: 'modules/companions',
  companion_listed_rate_counts: 'modules/companions',
  cities: 'modules/companions',
  countries: 'modules/companions',
  service_types: 'modules/companions',
  bookings: 'modules/bookings',
  booking_rebooking_priorities: 'modules/bookings',
  payment_checkouts: 'modules/payments',
  ledger_entries: 'modules/payments',
  payment_refunds: 'modules/payments',
  payment_settlements: 'modules/payments',
  payouts: 'modules/payments',
  connected_accounts: 'modules/payments',
  processed_payment_events: 'modules/payments',
  conversations: 'modules/messaging',
  conversation_participants: 'modules/messaging',
  messages: 'modules/messaging',
  webhook_endpoints: 'modules/webhooks',
  webhook_deliveries: 'modules/webhooks',
  domain_events: 'shared/events',
  event_consumers: 'shared/events',
  idempotency_keys: 'shared/idempotency',
  sessions: 'shared/auth',
  audit_log: 'shared/audit',
  contact_messages: 'modules/admin',
};

const ALLOWED_GLOBAL_MODULES = ['app.module.ts', 'shared/time/clock.module.ts'];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `modules/<name>` or `shared/<part>`: the unit that owns a file; null for the rest of src. */
function ownerOf(file: string): string | null {
  const match = /^(modules|shared)\/([^/]+)\//.exec(relative(src, file));
  return match ? `${match[1]}/${match[2]}` : null;
}

const runtimeFiles = sourceFiles(src).filter((file) => !file.includes('/migrations/'));

describe('module boundaries', () => {
  it("keeps each module's and kernel part's SQL to its own tables", () => {
    const trespasses: string[] = [];
    for (const file of runtimeFiles) {
      const owner = ownerOf(file);
      if (!owner) continue;
      const text = readFileSync(file, 'utf8');
      for (const [table, tableOwner] of Object.entries(TABLE_OWNERS)) {
        if (tableOwner === owner) continue;
        const sql = new RegExp(`\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+${table}\\b`, 'i');
        if (sql.test(text)) trespasses.push(`${relative(src, file)} → ${table} (${tableOwner})`);
      }
    }
    expect(trespasses).toEqual([]);
  });

  it('has no global module but the configuration and the clock', () => {
    const globals = runtimeFiles
      .filter((file) => /@Global\(\)|\b(is)?[gG]lobal:\s*true/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(globals.sort()).toEqual(ALLOWED_GLOBAL_MODULES);
  });
});
