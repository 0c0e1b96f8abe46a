import { gql, type TypedDocumentNode } from '@apollo/client';

export type DossierItemKind = 'CARE_REPORT' | 'CARE_PLAN' | 'QUESTIONNAIRE';

export interface DossierItemView {
  id: string;
  kind: DossierItemKind;
  title: string;
  body: string;
  provider: { id: string; name: string };
  authorName: string | null;
  authoredAt: string;
  updatedAt: string;
  version: number;
  answers: { question: string; answer: string }[];
}

export interface DossierData {
  account: { id: string; dossier: { items: DossierItemView[] } | null } | null;
}

export const DOSSIER: TypedDocumentNode<DossierData, { accountId: string }> = gql`
  query Dossier($accountId: ID!) {
    account(id: $accountId) {
      id
      dossier {
        items {
          id
          kind
          title
          body
          provider { id name }
          authorName
          authoredAt
          updatedAt
          version
          answers { question answer }
        }
      }
    }
  }
`;
