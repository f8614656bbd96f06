import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from './i18n';
import {
  documentTitle,
  environmentText,
  environmentTitle,
  type ServerEnvironment,
} from './environment';

const emulated: ServerEnvironment = { kind: 'emulated', label: 'Sandbox (emulated, demo data)' };
const sandbox: ServerEnvironment = {
  kind: 'fintecture_sandbox',
  label: 'Fintecture sandbox',
  host: 'api-sandbox.fintecture.com',
};
const production: ServerEnvironment = {
  kind: 'production',
  label: 'Production',
  host: 'api.fintecture.com',
};
const other: ServerEnvironment = {
  kind: 'other',
  label: 'Custom API (api.example.com:8443)',
  host: 'api.example.com:8443',
};

describe('in English', () => {
  beforeAll(() => loadLocale('en'));

  it('words each kind of upstream as the proxy labels it', () => {
    for (const environment of [emulated, sandbox, production, other]) {
      expect(environmentText(environment)).toBe(environment.label);
    }
  });

  it('names the page first, then the environment outside production', () => {
    expect(documentTitle(['Élodie Marchand', 'Bank accounts'], emulated)).toBe(
      'Élodie Marchand · Bank accounts — Sandbox (emulated)',
    );
    expect(documentTitle(['Customers'], sandbox)).toBe('Customers — Fintecture sandbox');
    expect(documentTitle(['Customers'], other)).toBe(
      'Customers — Custom API (api.example.com:8443)',
    );
  });

  it('carries the product rather than the environment in production, or while it is not known', () => {
    expect(environmentTitle(production)).toBeUndefined();
    expect(documentTitle(['Customers'], production)).toBe('Customers — Customers back-office');
    expect(documentTitle(['Sign in'], undefined)).toBe('Sign in — Customers back-office');
  });

  it('leaves out the parts not known yet', () => {
    expect(documentTitle([undefined, 'Overview'], emulated)).toBe('Overview — Sandbox (emulated)');
    expect(documentTitle([], production)).toBe('Customers back-office');
  });

  it('names an unknown host rather than leaving a placeholder', () => {
    expect(environmentText({ kind: 'other', label: 'Custom API' })).toBe('Custom API (?)');
  });
});

describe('in French', () => {
  beforeAll(() => loadLocale('fr'));
  afterAll(() => loadLocale('en'));

  it('words the environments and the titles in French', () => {
    expect(environmentText(emulated)).toBe('Sandbox (émulé, données de démonstration)');
    expect(environmentText(sandbox)).toBe('Sandbox Fintecture');
    expect(environmentText(other)).toBe('API personnalisée (api.example.com:8443)');
    expect(documentTitle(['Élodie Marchand', 'Comptes bancaires'], emulated)).toBe(
      'Élodie Marchand · Comptes bancaires — Sandbox (émulé)',
    );
    expect(documentTitle(['Clients'], production)).toBe('Clients — Back-office clients');
  });
});
