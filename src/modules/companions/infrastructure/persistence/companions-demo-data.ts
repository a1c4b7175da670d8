import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppSettings, Configuration, MoneySettings } from '../../../../config/configuration';
import { TransactionRunner } from '../../../../shared/domain/transaction-runner';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { FindAccountByEmailQuery, RegisterUserUseCase } from '../../../identity';

const CITIES: Array<[city: string, country: string, timezone: string]> = [
  ['Berlin', 'Germany', 'Europe/Berlin'],
  ['Munich', 'Germany', 'Europe/Berlin'],
  ['Hamburg', 'Germany', 'Europe/Berlin'],
  ['Vienna', 'Austria', 'Europe/Vienna'],
  ['Zurich', 'Switzerland', 'Europe/Zurich'],
  ['Paris', 'France', 'Europe/Paris'],
  ['Lyon', 'France', 'Europe/Paris'],
  ['Madrid', 'Spain', 'Europe/Madrid'],
  ['Barcelona', 'Spain', 'Europe/Madrid'],
  ['London', 'United Kingdom', 'Europe/London'],
  ['Amsterdam', 'Netherlands', 'Europe/Amsterdam'],
  ['Milan', 'Italy', 'Europe/Rome'],
];

const SERVICES: Array<[service: string, tagline: string]> = [
  ['DJ', 'Open-format DJ for weddings, galas and club nights'],
  ['Bartender', 'Cocktail bartender with mobile bar experience'],
  ['Event Hostess', 'Professional event hostess, multilingual and calm under pressure'],
  ['Trade Show Hostess', 'Trade show hostess who turns booth visitors into leads'],
  ['Waiter', 'Fine-dining waiter for banquets and private dinners'],
  ['Promoter', 'Brand promoter for launches and street campaigns'],
  ['Photographer', 'Event photographer, same-day previews'],
  ['Security', 'Licensed event security and door supervision'],
];

const FIRST_NAMES = [
  'Maria',
  'Lukas',
  'Sofia',
  'Jonas',
  'Emma',
  'Leon',
  'Mia',
  'Felix',
  'Hannah',
  'Noah',
  'Chloé',
  'Hugo',
  'Léa',
  'Lucas',
  'Camille',
  'Mateo',
  'Lucía',
  'Pablo',
  'Carmen',
  'Javier',
  'Olivia',
  'Harry',
  'Amelia',
  'George',
  'Isla',
  'Daan',
  'Sanne',
  'Bram',
  'Giulia',
  'Marco',
  'Chiara',
  'Luca',
  'Anna',
  'David',
  'Laura',
  'Elias',
  'Nina',
  'Paul',
  'Clara',
  'Max',
  'Elena',
  'Tim',
  'Julia',
  'Ben',
  'Lena',
  'Finn',
  'Sara',
  'Tom',
  'Ida',
  'Oskar',
];

const LANGUAGES: Record<string, string[]> = {
  Germany: ['German', 'English'],
  Austria: ['German', 'English'],
  Switzerland: ['German', 'French', 'English'],
  France: ['French', 'English'],
  Spain: ['Spanish', 'English'],
  'United Kingdom': ['English'],
  Netherlands: ['Dutch', 'English'],
  Italy: ['Italian', 'English'],
};

export const DEMO_COMPANION_COUNT = 50;

export function demoStaffEmail(index: number): string {
  return `staff${String(index).padStart(2, '0')}@demo.eventstuffer.test`;
}

/**
 * Demo staff for a fresh development database (`DEMO_DATA=true`): 50 active profiles across
 * several cities and services. Idempotent: existing accounts and profiles are left as they are.
 * The accounts come from the identity module, without a password (demo profiles are shown, not
 * logged into; identity seeds the demo accounts people log in with); registering a staff account
 * gives it its draft profile, which is then completed here.
 */
@Injectable()
export class CompanionsDemoData implements OnApplicationBootstrap {
  private readonly logger = new Logger(CompanionsDemoData.name);

  constructor(
    private readonly config: ConfigService<Configuration, true>,
    private readonly transactions: TransactionRunner,
    private readonly context: TransactionContext,
    private readonly accounts: FindAccountByEmailQuery,
    private readonly registerUser: RegisterUserUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get<AppSettings>('app').demoData) return;
    const created = await this.transactions.run(() => this.seed());
    if (created > 0) this.logger.log(`Seeded ${created} demo staff profiles`);
  }

  private async seed(): Promise<number> {
    const manager = this.context.manager();
    const currency = this.config.get<MoneySettings>('money').currency;
    await manager.query(
      `INSERT INTO countries (name) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [CITIES.map(([, country]) => country)],
    );
    await manager.query(
      `INSERT INTO cities (country_id, name)
       SELECT co.id, c.city FROM unnest($1::text[], $2::text[]) AS c(city, country)
         JOIN countries co ON lower(co.name) = lower(c.country)
       ON CONFLICT DO NOTHING`,
      [CITIES.map(([city]) => city), CITIES.map(([, country]) => country)],
    );
    await manager.query(
      `INSERT INTO service_types (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [SERVICES.map(([service]) => service)],
    );
    let created = 0;
    for (let index = 1; index <= DEMO_COMPANION_COUNT; index += 1) {
      if (await this.seedOne(index, currency)) created += 1;
    }
    return created;
  }

  private async seedOne(index: number, currency: string): Promise<boolean> {
    const email = demoStaffEmail(index);
    if (await this.accounts.execute(email)) return false;
    const firstName = FIRST_NAMES[(index - 1) % FIRST_NAMES.length];
    const account = await this.registerUser.execute({
      email,
      password: null,
      firstName,
      lastName: 'Demo',
      role: 'staff',
    });
    const [city, country, timezone] = CITIES[(index * 7) % CITIES.length];
    const primary = SERVICES[index % SERVICES.length];
    const services = [primary[0]];
    if (index % 3 === 0) services.push(SERVICES[(index + 3) % SERVICES.length][0]);
    const hourlyCents = (25 + ((index * 13) % 96)) * 100;
    const reviews = (index * 17) % 60;
    const rating = reviews === 0 ? 0 : 3.8 + ((index * 11) % 13) / 10;
    await this.context.manager().query(
      `UPDATE companion_profiles p
          SET status = 'active', first_name = $2,
              profile_photo = '/uploads/photos/demo/' || $3 || '.jpg', tagline = $4, bio = $5,
              hourly_rate_cents = $6, daily_rate_cents = $7, currency = $8, city_id = ci.id,
              timezone = $9,
              service_type_ids = ARRAY(
                SELECT st.id FROM unnest($10::text[]) WITH ORDINALITY AS s(name, position)
                  JOIN service_types st ON lower(st.name) = lower(s.name) ORDER BY s.position),
              languages = $11, rating_avg = $12, total_reviews = $13, tier = $14, verified = $15,
              rating_sum = $18
         FROM countries co
         JOIN cities ci ON ci.country_id = co.id AND lower(ci.name) = lower($17)
        WHERE p.user_id = $1 AND lower(co.name) = lower($16)`,
      [
        account.id,
        firstName,
        String(index),
        primary[1],
        `${firstName} works events in ${city} and around ${country}.`,
        hourlyCents,
        index % 2 === 0 ? hourlyCents * 7 : null,
        currency,
        timezone,
        services,
        LANGUAGES[country],
        rating.toFixed(2),
        reviews,
        ['bronze', 'silver', 'gold', 'platinum'][index % 4],
        index % 5 === 0,
        country,
        city,
        Math.round(Number(rating.toFixed(2)) * reviews),
      ],
    );
    return true;
  }
}
