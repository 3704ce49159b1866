import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, localUrl } from '../src/config';

describe('configuration', () => {
  it('has defaults a new user can start with', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('localhost');
    expect(config.databasePath).toBe(path.resolve('data', 'scrutineer.sqlite'));
    expect(config.loadDemoData).toBe(true);
    expect(config.publicUrl).toBeNull();
  });

  it('reads PORT, HOST and DATABASE_PATH', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_PATH: 'tmp/x.sqlite' });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.databasePath).toBe(path.resolve('tmp/x.sqlite'));
    expect(config.publicUrl).toBeNull();
    expect(localUrl(config.host, config.port)).toBe('http://localhost:8080');
  });

  it('shows error details only when SHOW_ERROR_DETAILS=true asks, and never in production', () => {
    expect(loadConfig({}).showErrorDetails).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).showErrorDetails).toBe(false);
    expect(loadConfig({ SHOW_ERROR_DETAILS: 'true' }).showErrorDetails).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', SHOW_ERROR_DETAILS: 'true' })).toThrow(
      /SHOW_ERROR_DETAILS must not be true when NODE_ENV=production/,
    );
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number from 0 to 65535 \(got "abc"\)/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['PORT', '-1', /PORT must be a whole number/],
    ['NODE_ENV', 'staging', /NODE_ENV must be one of development, production, test/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['DEMO_DATA', 'maybe', /DEMO_DATA must be true or false/],
    ['HOST', 'local host', /HOST must be a host name or IP address/],
    ['PUBLIC_URL', 'ftp://x', /PUBLIC_URL must be an absolute http\(s\) URL/],
    ['DATABASE_PATH', '   ', /DATABASE_PATH must be a file path/],
  ])('refuses %s=%j with a message naming it', (variable, value, message) => {
    let caught: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toMatch(message);
    expect((caught as ConfigError).message).not.toContain('\n');
  });
});
