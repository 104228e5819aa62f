/** The `users` table. Emails are stored and looked up lower-cased so sign-in is case-insensitive. */
import type { Role } from '../../../src/lib/core/protocol';
import type { PasswordRecord } from '../auth/password';

export interface UserRow {
	id: string;
	email: string;
	display_name: string;
	role: Role;
	permissions: string;
	password_hash: string;
	password_salt: string;
	password_iterations: number;
	created_at: string;
}

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function findUserByEmail(db: D1Database, email: string): Promise<UserRow | null> {
	return db
		.prepare('SELECT * FROM users WHERE email = ?')
		.bind(normalizeEmail(email))
		.first<UserRow>();
}

export async function findUserById(db: D1Database, id: string): Promise<UserRow | null> {
	return db.prepare('SELECT * FROM users WHERE id = ?').bind(id).first<UserRow>();
}

export interface NewUser {
	id?: string;
	email: string;
	display_name: string;
	role: Role;
	password: PasswordRecord;
}

/** Inserts a user and returns its id (used by tests; demo users come from scripts/edge-setup.mjs). */
export async function insertUser(db: D1Database, user: NewUser): Promise<string> {
	const id = user.id ?? crypto.randomUUID();
	await insertUserStatement(db, { ...user, id }).run();
	return id;
}

/** The INSERT for a new user, to batch with its first session and audit row (sign-up). */
export function insertUserStatement(
	db: D1Database,
	user: NewUser & { id: string }
): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO users (id, email, display_name, role, password_hash, password_salt, password_iterations, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.bind(
			user.id,
			normalizeEmail(user.email),
			user.display_name,
			user.role,
			user.password.hash,
			user.password.salt,
			user.password.iterations,
			new Date().toISOString()
		);
}
