import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AskQuestionMutation, AskQuestionMutationVariables, FaqQuery, FaqQueryVariables, HelpProvidersQuery, HelpProvidersQueryVariables } from '@/lib/gql/graphql';

// Result types come from codegen (lib/gql/graphql.ts, from schema.graphql); `npm run codegen -w @kring/web`.
export type FaqEntryView = FaqQuery['faq'][number];
export type HelpProviderView = NonNullable<NonNullable<HelpProvidersQuery['viewer']>['agenda'][number]['appointment']['provider']>;

/** `locale` (schema.graphql, beyond the contract): the page's language, so a signed-out reader gets the FAQ they read the page in. */
export const FAQ: TypedDocumentNode<FaqQuery, FaqQueryVariables> = gql`
  query Faq($search: String, $locale: String) {
    faq(search: $search, locale: $locale) { id question answer }
  }
`;

export const ASK_QUESTION: TypedDocumentNode<AskQuestionMutation, AskQuestionMutationVariables> = gql`
  mutation AskQuestion($question: String!, $replyTo: String) {
    askQuestion(question: $question, replyTo: $replyTo)
  }
`;


/** The care providers of the viewer's agenda (the secretariat to call about a letter); signed in only. */
export const HELP_PROVIDERS: TypedDocumentNode<HelpProvidersQuery, HelpProvidersQueryVariables> = gql`
  query HelpProviders($from: DateTimeISO!, $to: DateTimeISO!) {
    viewer { agenda(from: $from, to: $to) { appointment { id provider { id name contactPhone contactEmail } } } }
  }
`;
