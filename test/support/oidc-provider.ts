// A real OpenID Connect provider (oidc-provider 9) on a loopback port, for
// single sign-on tests: one confidential client with PKCE required, accounts
// whose claims the test chooses, and the library's own development login and
// consent pages (any password is accepted; the login name is the account id).
// oidc-provider warns "Unsupported runtime" on Node 20: it is tested on newer
// releases only, and works here.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccountClaims {
  email?: string;
  name?: string;
  groups?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account; the login name typed at the provider is its id and its `sub`. */
  setAccount(id: string, claims: TestAccountClaims): void;
  close(): Promise<void>;
}

export async function startOidcProvider(opts: { redirectUri: string }): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestAccountClaims>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'breachline-test';
  const clientSecret = 'breachline-test-client-secret-0123456789';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['breachline-test-provider-cookie-key'] },
    // Set, so the provider does not print a notice for each default it falls back to.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx, id) {
      const claims = accounts.get(id);
      if (!claims) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email_verified: true, ...claims }),
      };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (id, claims) => accounts.set(id, claims),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
