// The one place that talks to the identity provider, through openid-client 6
// (an ES module, loaded here through Node's require(esm): Node 20.19 or later).
// Authorization code flow with PKCE (S256), state and nonce; the provider's
// metadata is discovered at the first login attempt and kept, and discovered
// again after a failure, so a provider that was down at start is picked up
// once it is back.
import * as client from 'openid-client';
import type { OidcSettings } from '../app.config';

/** What the browser's session keeps between leaving for the provider and coming back. */
export interface OidcPending {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider cannot be reached or answered its discovery document wrongly: no login can start. */
export class OidcUnavailable extends Error {
  override readonly name = 'OidcUnavailable';
}

/** The provider sent the browser back without a usable answer (refused, expired, tampered with). */
export class OidcRefused extends Error {
  override readonly name = 'OidcRefused';
}

export type OidcClaims = Record<string, unknown> & { iss: string; sub: string };

export interface OidcClient {
  /** Where to send the browser, and what to keep in its session until it returns. */
  start(): Promise<{ url: string; pending: OidcPending }>;
  /** The verified ID token's claims, with the userinfo's added when the role claim is not in the token. */
  finish(callbackUrl: URL, pending: OidcPending): Promise<OidcClaims>;
}

const DISCOVERY_TIMEOUT_S = 5;

/** http is for a provider on this machine only (a test, a laptop); anything else must be https. */
const isLoopback = (u: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);

export function createOidcClient(settings: OidcSettings): OidcClient {
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
  let discovered: Promise<client.Configuration> | null = null;

  const configuration = () => {
    discovered ??= client
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        timeout: DISCOVERY_TIMEOUT_S,
        execute: insecure ? [client.allowInsecureRequests] : [],
      })
      .catch((err: unknown) => {
        discovered = null;
        throw new OidcUnavailable(`discovery at ${settings.issuer} failed: ${(err as Error).message}`);
      });
    return discovered;
  };

  return {
    async start() {
      const config = await configuration();
      const pending: OidcPending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },
    async finish(callbackUrl, pending) {
      const config = await configuration();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        throw new OidcRefused((err as Error).message);
      }
      const idClaims = tokens.claims();
      if (!idClaims) throw new OidcRefused('no ID token');
      const claims: OidcClaims = { ...idClaims };
      // Many providers put groups in userinfo only (or only when asked for them in the token).
      if (claims[settings.roleClaim] === undefined) {
        let info: client.UserInfoResponse;
        try {
          info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        } catch (err) {
          throw new OidcRefused(`userinfo: ${(err as Error).message}`);
        }
        for (const [name, value] of Object.entries(info)) if (!(name in claims)) claims[name] = value;
      }
      return claims;
    },
  };
}
