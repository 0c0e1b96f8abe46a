import { gql, type TypedDocumentNode } from '@apollo/client';

// Hand-written types that mirror shared/contract.graphql.

export interface FaqEntryView {
  id: string;
  question: string;
  answer: string;
}

/** `locale` (schema.graphql, beyond the contract): the page's language, so a signed-out reader gets the FAQ they read the page in. */
export const FAQ: TypedDocumentNode<{ faq: FaqEntryView[] }, { search?: string | null; locale?: string | null }> = gql`
  query Faq($search: String, $locale: String) {
    faq(search: $search, locale: $locale) { id question answer }
  }
`;

export const ASK_QUESTION: TypedDocumentNode<{ askQuestion: boolean }, { question: string; replyTo?: string | null }> = gql`
  mutation AskQuestion($question: String!, $replyTo: String) {
    askQuestion(question: $question, replyTo: $replyTo)
  }
`;

export interface HelpProviderView {
  id: string;
  name: string;
  contactPhone: string | null;
  contactEmail: string | null;
}

/** The care providers of the viewer's agenda (the secretariat to call about a letter); signed in only. */
export const HELP_PROVIDERS: TypedDocumentNode<
  { viewer: { agenda: { appointment: { id: string; provider: HelpProviderView | null } }[] } | null },
  { from: string; to: string }
> = gql`
  query HelpProviders($from: DateTimeISO!, $to: DateTimeISO!) {
    viewer { agenda(from: $from, to: $to) { appointment { id provider { id name contactPhone contactEmail } } } }
  }
`;
