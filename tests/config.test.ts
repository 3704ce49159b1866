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

  it('sends no mail unless SMTP_URL is set, from an address on the public host', () => {
    const config = loadConfig({});
    expect(config.smtpUrl).toBeNull();
    expect(config.mailFrom).toBe('Scrutineer <scrutineer@localhost>');
    expect(loadConfig({ PUBLIC_URL: 'https://scrutiny.example.gov.uk:8443/app' }).mailFrom).toBe(
      'Scrutineer <scrutineer@scrutiny.example.gov.uk>',
    );
  });

  it('reads SMTP_URL (with its credentials) and MAIL_FROM', () => {
    for (const url of [
      'smtp://mail.example.org',
      'smtp://mail.example.org:587',
      'smtps://scrutiny%40example.org:p%40ss:word@mail.example.org:465',
      'smtp://127.0.0.1:2525',
    ]) {
      expect(loadConfig({ SMTP_URL: url }).smtpUrl).toBe(url);
    }
    for (const from of [
      'scrutiny@example.org',
      'Scrutiny <scrutiny@example.org>',
      'Health & Adult Social Care Select Committee <hasc@bucks.example.gov.uk>',
      '"Council, Scrutiny" <scrutiny@example.org>',
    ]) {
      expect(loadConfig({ MAIL_FROM: from }).mailFrom).toBe(from);
    }
    expect(loadConfig({ MAIL_FROM: '  Scrutiny <scrutiny@example.org> ' }).mailFrom).toBe(
      'Scrutiny <scrutiny@example.org>',
    );
  });

  it('never repeats the password of a refused SMTP_URL', () => {
    let message = '';
    try {
      loadConfig({ SMTP_URL: 'smtpz://user:hunter2-secret@mail.example.org' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(message).not.toContain('hunter2');
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
    ['SMTP_URL', 'http://mail.example.org', /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    ['SMTP_URL', 'mail.example.org:587', /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    ['SMTP_URL', 'smtp://', /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    ['SMTP_URL', 'smtp://mail.example.org:99999', /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    ['SMTP_URL', 'smtp://mail.example.org:0', /SMTP_URL must name a port from 1 to 65535/],
    ['MAIL_FROM', 'scrutiny', /MAIL_FROM must be an email address or "Name <address>"/],
    ['MAIL_FROM', 'Scrutiny <scrutiny>', /MAIL_FROM must be an email address/],
    ['MAIL_FROM', 'a@example.org, b@example.org', /MAIL_FROM must be an email address/],
    ['MAIL_FROM', 'Council, Scrutiny <scrutiny@example.org>', /MAIL_FROM must be an email address/],
    ['MAIL_FROM', '<scrutiny@example.org>', /MAIL_FROM must be an email address/],
    ['MAIL_FROM', 'Scrutiny <a@example.org>\r\nBcc: all@example.org', /MAIL_FROM must be one line/],
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
