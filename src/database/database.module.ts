import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Configuration, DatabaseSettings } from '../config/configuration';
import { buildDataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Configuration, true>) => {
        const database = config.get<DatabaseSettings>('database');
        if (!database.url) throw new Error('The database URL is not resolved yet');
        return {
          ...buildDataSourceOptions(database.url, database.poolSize),
          autoLoadEntities: true,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
