import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { ByEntity, ParentGuarded, Requires } from '../../core/guards';
import type { Context } from '../../core/context';
import { AccountType, PersonType, toPerson } from '../accounts/account.type';
import { NoteInput, NotePageType, NoteType } from './note.type';
import { createNote, deleteNote, listNotes, updateNote } from './note.service';

@Resolver(() => AccountType)
export class AccountNotesResolver {
  @Requires('VIEW_NOTES')
  @FieldResolver(() => NotePageType, { nullable: true })
  notes(
    @Root() a: AccountType,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<NotePageType> {
    return listNotes(ctx, a.id, first, after);
  }
}

@Resolver(() => NoteType)
export class NoteResolver {
  @ParentGuarded()
  @FieldResolver(() => PersonType)
  async author(@Root() note: NoteType, @Ctx() ctx: Context): Promise<PersonType> {
    const user = await ctx.loaders.user.load(note.authorUserId);
    return user ? toPerson(user, ctx.env.PUBLIC_API_URL) : { id: note.authorUserId, name: '—', avatarUrl: null, phone: null };
  }

  @Requires('EDIT_NOTES')
  @Mutation(() => NoteType)
  createNote(@Arg('accountId', () => ID) accountId: string, @Arg('input', () => NoteInput) input: NoteInput, @Ctx() ctx: Context): Promise<NoteType> {
    return createNote(ctx, accountId, input);
  }

  @ByEntity('EDIT_NOTES')
  @Mutation(() => NoteType)
  updateNote(@Arg('id', () => ID) id: string, @Arg('input', () => NoteInput) input: NoteInput, @Ctx() ctx: Context): Promise<NoteType> {
    return updateNote(ctx, id, input);
  }

  @ByEntity('EDIT_NOTES')
  @Mutation(() => Boolean)
  deleteNote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return deleteNote(ctx, id);
  }
}
