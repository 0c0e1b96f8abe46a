import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DossierItemFieldsFragment, DossierQuery, DossierQueryVariables } from '@/lib/gql/graphql';

// Result types come from codegen (lib/gql/graphql.ts, from schema.graphql); `npm run codegen -w @kring/web`.
export type DossierItemView = DossierItemFieldsFragment;
export type DossierItemKind = DossierItemFieldsFragment['kind'];
export type DossierData = DossierQuery;

const DOSSIER_ITEM_FIELDS = gql`
  fragment DossierItemFields on DossierItem {
    id
    kind
    title
    body
    provider {
      id
      name
    }
    authorName
    authoredAt
    updatedAt
    version
    answers {
      question
      answer
    }
  }
`;

export const DOSSIER: TypedDocumentNode<DossierQuery, DossierQueryVariables> = gql`
  query Dossier($accountId: ID!) {
    account(id: $accountId) {
      id
      dossier {
        items {
          ...DossierItemFields
        }
      }
    }
  }
  ${DOSSIER_ITEM_FIELDS}
`;
