import { branchProfile, users } from '../../db/schema';
import { newUid } from '../../db/uid';
import type { BranchProfile } from '../../domain/branch/profile';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { PasswordHasher } from '../auth/password';
import { recordChange } from '../change-log/record-change';
import type { ServiceContext } from '../context';
import { findBranchRow } from './branch-profile';

export interface AdministratorInput {
  username: string;
  displayName: string;
  password: string;
}

export function isBranchSetUp(ctx: ServiceContext): boolean {
  return findBranchRow(ctx.db) !== null;
}

/**
 * First run: creates the branch profile and its administrator together. Only possible while the
 * database has no branch, so nobody can re-run setup to take over an existing ledger.
 */
export async function setupBranch(
  ctx: ServiceContext,
  profile: BranchProfile,
  administrator: AdministratorInput,
  passwords: PasswordHasher,
): Promise<{ branchCode: string; username: string }> {
  const passwordHash = await passwords.hash(administrator.password);
  return ctx.db.transaction((tx) => {
    if (findBranchRow(tx)) {
      throw new LedgerError('CONFLICT', '本数据库已设置过机构，不能重复设置。');
    }
    const now = ctx.clock.now().toISOString();
    const uid = newUid();
    tx.insert(branchProfile)
      .values({ id: 1, uid, ...profile, createdAt: now, updatedAt: now })
      .run();
    tx.insert(users)
      .values({
        uid: newUid(),
        username: administrator.username,
        displayName: administrator.displayName,
        passwordHash,
        role: 'admin',
        createdAt: now,
      })
      .run();
    // On the first-run screen nobody is signed in yet: the person there is the administrator being created.
    const username = ctx.actor.role === null ? administrator.username : ctx.actor.username;
    recordAudit(tx, ctx, {
      action: 'branch.setup',
      entity: 'branch_profile',
      entityKey: profile.code,
      after: profile,
      username,
      detail: `${profile.name}（${profile.code}）`,
    });
    recordAudit(tx, ctx, {
      action: 'user.create',
      entity: 'user',
      entityKey: administrator.username,
      after: { username: administrator.username, displayName: administrator.displayName, role: 'admin' },
      username,
      detail: `${administrator.displayName}（管理员）`,
    });
    recordChange(tx, ctx, {
      entity: 'branch_profile',
      entityUid: uid,
      operation: 'insert',
      payload: profile,
    });
    return { branchCode: profile.code, username: administrator.username };
  });
}
