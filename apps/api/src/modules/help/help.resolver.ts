import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Public } from '../../core/guards';
import type { Context } from '../../core/context';
import { askQuestion, faqLocale, searchFaq } from './help.service';

@ObjectType('FaqEntry')
export class FaqEntryType {
  @Field(() => ID) id: string;
  @Field() question: string;
  @Field() answer: string;
}

@Resolver(() => FaqEntryType)
export class HelpResolver {
  @Public()
  @Query(() => [FaqEntryType], { description: 'Help bubble: frequently asked questions, optionally filtered.' })
  async faq(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('locale', () => String, { nullable: true, description: "'nl' or 'en'; default: the viewer's language, else the browser's, else Dutch." })
    locale: string | null,
  ): Promise<FaqEntryType[]> {
    return searchFaq(await faqLocale(ctx, locale), search);
  }

  @Public()
  @Mutation(() => Boolean, { description: "A question from the help bubble, delivered to Kring's support address; works signed out too." })
  askQuestion(
    @Arg('question', () => String) question: string,
    @Arg('replyTo', () => String, { nullable: true }) replyTo: string | null,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return askQuestion(ctx, question, replyTo);
  }
}
