// e2e tests boot the real API and worker; give them room. Tests that need more say so themselves.
jest.setTimeout(60_000);
