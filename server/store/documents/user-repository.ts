/**
 * Users over the document port. Logins are unique regardless of case, enforced by a unique index
 * on the lower-cased login in both engines.
 */
import { ConflictError, NotFoundError } from '../../errors.js';
import { nowIso } from '../models/common.js';
import { newId } from '../models/ids.js';
import { asNewUser, asUserPatch, type User } from '../models/user.js';
import type { UserStore } from '../store.js';
import { DuplicateKeyError, type DocumentCollection, type StoredDoc } from './document-database.js';

type UserDoc = Omit<User, 'id'> & { readonly _id: string; readonly loginKey: string };

function userOf(stored: StoredDoc): User {
  const doc = stored as unknown as UserDoc;
  return {
    id: doc._id,
    login: doc.login,
    displayName: doc.displayName,
    role: doc.role,
    unitScope: doc.unitScope,
    passwordHash: doc.passwordHash,
    disabled: doc.disabled,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    // Only a holder carries the flag, so users stored before it read exactly as they did.
    ...(doc.selfAssess === true ? { selfAssess: true } : {}),
  };
}

export class UserRepository implements UserStore {
  constructor(private readonly users: DocumentCollection) {}

  async create(input: unknown): Promise<User> {
    const u = asNewUser(input);
    const now = nowIso();
    const doc: UserDoc = {
      _id: newId('usr'),
      login: u.login,
      loginKey: u.login.toLowerCase(),
      displayName: u.displayName,
      role: u.role,
      unitScope: u.unitScope ?? null,
      passwordHash: u.passwordHash ?? null,
      disabled: u.disabled ?? false,
      ...(u.selfAssess === true ? { selfAssess: true } : {}),
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.users.insertOne(doc);
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new ConflictError(`the login ${u.login} is taken`);
      throw error;
    }
    return userOf(doc);
  }

  async get(id: string): Promise<User | undefined> {
    const doc = await this.users.findOne({ _id: id });
    return doc === undefined ? undefined : userOf(doc);
  }

  async findByLogin(login: string): Promise<User | undefined> {
    const doc = await this.users.findOne({ loginKey: login.toLowerCase() });
    return doc === undefined ? undefined : userOf(doc);
  }

  async list(): Promise<User[]> {
    return (await this.users.find({}, { sort: { loginKey: 1 } })).map(userOf);
  }

  async update(id: string, patch: unknown): Promise<User> {
    const change = { ...asUserPatch(patch), updatedAt: nowIso() };
    if (!(await this.users.updateOne({ _id: id }, change))) throw new NotFoundError(`no user ${id}`);
    const updated = await this.get(id);
    if (updated === undefined) throw new NotFoundError(`no user ${id}`);
    return updated;
  }
}
