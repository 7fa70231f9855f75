import { ProblemException } from '@cfc/platform';
import type { TokenAudience } from '@cfc/contracts';
import { hashSecret, verifySecret } from '../crypto/secret.hasher';
import type { InstitutionService } from '../institutions/institution.service';
import type { IssuedToken, TokenIssuer } from '../tokens/token.issuer';

export interface TokenRequest {
  grantType?: string;
  clientId?: string;
  clientSecret?: string;
  /** Optional: `lender` or `regulator`, for an institution that holds both roles. */
  scope?: string;
}

const AUDIENCE_BY_SCOPE: Record<string, { aud: TokenAudience; role: 'USER' | 'REGULATOR' }> = {
  lender: { aud: 'cfc:lender', role: 'USER' },
  regulator: { aud: 'cfc:regulator', role: 'REGULATOR' },
};

// RFC 6749 error names ride along as `error`, so OAuth client libraries understand the problem.
const problem = (status: number, code: string, error: string, detail: string) => new ProblemException(status, code, status === 401 ? 'Unauthorized' : 'Bad Request', detail, { error });

/** OAuth2 client credentials (RFC 6749 section 4.4) for lenders and regulators. */
export class ClientCredentialsService {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly institutions: InstitutionService,
    private readonly tokens: TokenIssuer,
    private readonly ttlSeconds: number,
  ) {}

  /** Authenticates the client and issues a token for its lender or regulator role. */
  async token(request: TokenRequest): Promise<IssuedToken & { scope: string }> {
    if (request.grantType !== 'client_credentials') throw problem(400, 'UNSUPPORTED_GRANT_TYPE', 'unsupported_grant_type', 'grant_type must be client_credentials');
    if (!request.clientId || !request.clientSecret) throw problem(401, 'INVALID_CLIENT', 'invalid_client', 'client authentication failed');
    const credential = await this.institutions.clientCredential(request.clientId);
    const institution = credential?.institution;
    const stored = credential?.secretHash;
    // Hash even for unknown clients, so the response time does not reveal which client ids exist.
    const valid = await verifySecret(request.clientSecret, stored ?? (await this.dummy()));
    if (!institution?.institutionId || !stored || !valid) throw problem(401, 'INVALID_CLIENT', 'invalid_client', 'client authentication failed');
    const scope = request.scope?.trim() || (institution.roles.includes('USER') ? 'lender' : 'regulator');
    const grant = AUDIENCE_BY_SCOPE[scope];
    if (!grant) throw problem(400, 'INVALID_SCOPE', 'invalid_scope', 'scope must be lender or regulator');
    if (!institution.roles.includes(grant.role)) throw problem(400, 'UNAUTHORIZED_CLIENT', 'unauthorized_client', `this client does not hold the ${grant.role} role`);
    return { ...this.tokens.issue(institution.institutionId, grant.aud, this.ttlSeconds), scope };
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashSecret('not-a-client-secret');
    return this.dummyHash;
  }
}

/** Reads client_id/client_secret from HTTP Basic auth (RFC 6749 2.3.1) or from the form body. */
export function tokenRequestFrom(body: Record<string, unknown> | undefined, authorization: string | undefined): TokenRequest {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const request: TokenRequest = { grantType: text(body?.grant_type), clientId: text(body?.client_id), clientSecret: text(body?.client_secret), scope: text(body?.scope) };
  const basic = authorization?.match(/^Basic\s+(\S*)$/i);
  if (basic) Object.assign(request, basicCredentials(basic[1]));
  return request;
}

// RFC 6749 2.3.1: id and secret are form-urlencoded ('+' is a space) before base64; anything that
// does not decode is a failed client authentication (401), never a server error.
function basicCredentials(encoded: string): { clientId: string; clientSecret: string } {
  const invalid = () => problem(401, 'INVALID_CLIENT', 'invalid_client', 'malformed HTTP Basic credentials');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw invalid();
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw invalid();
  const formDecode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch (error) {
    if (error instanceof URIError) throw invalid();
    throw error;
  }
}
