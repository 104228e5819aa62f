/**
 * Access tokens: HS256 JWTs (jose) that live 15 minutes and name their session (`sid`), so revoking
 * the session ends them at once (require-role checks it) and a stolen one is useful only briefly; a
 * refresh token (auth/session-tokens.ts) gets the next one. Verification pins the algorithm, issuer
 * and audience and requires sub/role/iat/exp, so a token minted for another service, an unsigned
 * (`alg: none`) token or one without an expiry is rejected.
 *
 * @example
 * const { token } = await issueToken({ sub: user.id, role: user.role, sid: session.id }, config);
 * const claims = await verifyToken(token, config); // { sub, role, sid } or null
 */
import { SignJWT, jwtVerify } from 'jose';
import { Role } from '../../../src/lib/core/protocol';

export const TOKEN_TTL_SECONDS = 15 * 60;
const ALGORITHM = 'HS256';
/** HS256 keys shorter than the 256-bit hash output weaken the MAC; refuse to run with one. */
export const MIN_SECRET_LENGTH = 32;

export interface TokenConfig {
	secret: string;
	issuer: string;
	audience: string;
}

export interface TokenClaims {
	sub: string;
	role: Role;
	/** The session (sessions.id) this token was minted for; tokens without one are refused at use. */
	sid?: string;
}

export async function issueToken(
	claims: TokenClaims,
	config: TokenConfig,
	nowMs = Date.now()
): Promise<{ token: string; expiresAt: Date }> {
	const iat = Math.floor(nowMs / 1000);
	const exp = iat + TOKEN_TTL_SECONDS;
	const token = await new SignJWT({
		role: claims.role,
		...(claims.sid === undefined ? {} : { sid: claims.sid })
	})
		.setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
		.setSubject(claims.sub)
		.setIssuer(config.issuer)
		.setAudience(config.audience)
		.setIssuedAt(iat)
		.setExpirationTime(exp)
		.sign(key(config.secret));
	return { token, expiresAt: new Date(exp * 1000) };
}

/** The token's claims, or null for any token that is malformed, forged, expired or not ours. */
export async function verifyToken(
	token: string,
	config: TokenConfig,
	nowMs = Date.now()
): Promise<TokenClaims | null> {
	try {
		const { payload } = await jwtVerify(token, key(config.secret), {
			algorithms: [ALGORITHM],
			issuer: config.issuer,
			audience: config.audience,
			requiredClaims: ['sub', 'iat', 'exp', 'role'],
			currentDate: new Date(nowMs)
		});
		const role = Role.safeParse(payload.role);
		if (!role.success || typeof payload.sub !== 'string') return null;
		const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
		return { sub: payload.sub, role: role.data, ...(sid === undefined ? {} : { sid }) };
	} catch {
		return null;
	}
}

function key(secret: string): Uint8Array {
	return new TextEncoder().encode(secret);
}
