import { describe, expect, it } from 'vitest';
import { assertLocalDatabaseUrl } from './assert-local-database';

describe('assertLocalDatabaseUrl', () => {
  it.each([
    'postgresql://postgres@127.0.0.1:5432/postgres',
    'postgres://postgres:secret@localhost/postgres',
    'postgresql://postgres@LOCALHOST:5432/postgres',
    'postgresql://postgres@[::1]:5432/postgres',
    'postgresql://postgres@localhost/postgres?host=/var/run/postgresql',
  ])('accepts the local server %s', (url) => {
    expect(() => assertLocalDatabaseUrl(url)).not.toThrow();
  });

  it.each([
    ['a remote host', 'postgresql://postgres@db.example.com:5432/postgres', 'db.example.com'],
    ['a private address', 'postgresql://postgres@10.0.0.5/postgres', '10.0.0.5'],
    ['a remote ?host= override', 'postgresql://u@127.0.0.1/db?host=prod.example.com', 'prod'],
    ['a host list', 'postgresql://u@127.0.0.1,db.example.com/db', 'db.example.com'],
    ['an empty host (falls back to PGHOST)', 'postgresql:///postgres', '""'],
    ['a lookalike', 'postgresql://u@localhost.example.com/db', 'localhost.example.com'],
  ])('refuses %s', (_case, url, named) => {
    expect(() => assertLocalDatabaseUrl(url)).toThrow(named);
  });

  it.each(['not a url', 'mysql://root@127.0.0.1/db'])('refuses %s as not PostgreSQL', (url) => {
    expect(() => assertLocalDatabaseUrl(url)).toThrow('postgresql:// URL');
  });
});
