// drizzle-kit configuration: generates SQL migrations from src/db/schema.ts into migrations/.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'turso',
  schema: './src/db/schema.ts',
  out: './migrations',
  casing: 'snake_case',
  dbCredentials: {
    url: process.env.TURSO_DATABASE_URL ?? 'file:data/bulletin.db',
    authToken: process.env.TURSO_AUTH_TOKEN,
  },
})
