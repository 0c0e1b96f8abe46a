import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import { letterState } from '@kring/domain';
import { ParentGuarded, ProviderOnly, Requires } from '../../core/guards';
import type { Context, ProviderPrincipal } from '../../core/context';
import { AppError } from '../../core/errors';
import { viewerUser } from '../../core/access';
import { AccountType } from '../accounts/account.type';
import { fullName } from '../accounts/user.entity';
import { appendAccessLog } from '../audit/access-log';
import { ActivationLetterEntity } from '../activation/activation-letter.entity';
import { PatientRecordEntity, activeAccountOf } from './patient-record.entity';
import { ProviderEntity } from './provider.entity';
import { activeLinksOf, externalIdOf, findOwnRecord, idempotentWrite, upsertPatient } from './patient.service';
import {
  PatientStatusType,
  ProviderLinkType,
  ProviderPatientInput,
  ProviderType,
  ProviderWriteResultType,
  toProviderType,
} from './provider.type';

export function requireProvider(ctx: Context): ProviderPrincipal {
  if (!ctx.provider) throw new AppError('UNAUTHENTICATED');
  return ctx.provider;
}

@Resolver()
export class ProviderPatientResolver {
  @ProviderOnly()
  @Mutation(() => ProviderWriteResultType)
  providerUpsertPatient(@Arg('input', () => ProviderPatientInput) input: ProviderPatientInput, @Ctx() ctx: Context): Promise<ProviderWriteResultType> {
    const provider = requireProvider(ctx);
    return idempotentWrite(() => ctx.db.tx((m) => upsertPatient(m, ctx.clock.now(), provider.providerId, input)));
  }

  @ProviderOnly()
  @Query(() => PatientStatusType, { nullable: true, description: 'For a provider integration (API key): the state of one of its patient records.' })
  async providerPatient(@Arg('externalId') externalId: string, @Ctx() ctx: Context): Promise<PatientStatusType> {
    const provider = requireProvider(ctx);
    const record = await findOwnRecord(ctx.db.manager, provider.providerId, externalIdOf(externalId));
    if (!record) throw new AppError('NOT_FOUND');
    const letter = await ctx.db.manager.findOne(ActivationLetterEntity, {
      where: { patientRecordId: record.id, usedAt: IsNull(), voidedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    const now = ctx.clock.now().getTime();
    const valid =
      letter && letterState({ usedAt: null, voidedAt: null, expiresAt: letter.expiresAt.getTime() }, now) === 'VALID';
    return { externalId: record.externalId, activated: activeAccountOf(record) !== null, letterExpiresAt: valid ? letter.expiresAt : null };
  }
}

@Resolver(() => ProviderLinkType)
export class ProviderLinkResolver {
  @ParentGuarded()
  @FieldResolver(() => ProviderType)
  async provider(@Root() link: ProviderLinkType, @Ctx() ctx: Context): Promise<ProviderType> {
    const p = await ctx.loaders.provider.load(link.providerId);
    if (!p) throw new AppError('NOT_FOUND');
    return toProviderType(p);
  }
}

@Resolver(() => AccountType)
export class AccountProvidersResolver {
  @Requires('MANAGE_CONNECTIONS', { stepUp: 900 })
  @FieldResolver(() => [ProviderLinkType], { nullable: true })
  async providers(@Root() account: AccountType, @Ctx() ctx: Context): Promise<ProviderLinkType[]> {
    const links = await activeLinksOf(ctx.db.manager, account.id);
    return links.map((r) => ({ id: r.id, providerId: r.providerId, linkedAt: r.linkedAt ?? r.createdAt }));
  }

  @Requires('MANAGE_ACCOUNT', { stepUp: 900 })
  @Mutation(() => Boolean)
  async unlinkProvider(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('providerLinkId', () => ID) providerLinkId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const user = await viewerUser(ctx);
    const now = ctx.clock.now();
    return ctx.db.tx(async (m) => {
      const record = await m.findOneBy(PatientRecordEntity, { id: providerLinkId });
      // Scoped to this account: another account's link is simply not found here.
      if (!record || activeAccountOf(record) !== accountId) throw new AppError('NOT_FOUND');
      await m.update(PatientRecordEntity, { id: record.id }, { unlinkedAt: now });
      const provider = await m.findOneBy(ProviderEntity, { id: record.providerId });
      await appendAccessLog(m, now, {
        accountId,
        actorUserId: user.id,
        actorName: fullName(user),
        action: 'PROVIDER_UNLINKED',
        detail: provider?.name ?? null,
        basis: 'MANAGER',
      });
      return true;
    });
  }
}
