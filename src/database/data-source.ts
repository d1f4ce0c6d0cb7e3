import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnv } from '../config/env';
import { databaseOptions } from './database.config';

/** For the TypeORM CLI (`npm run migration:run`); the service itself runs migrations on start. */
export default new DataSource(databaseOptions(loadEnv()));
