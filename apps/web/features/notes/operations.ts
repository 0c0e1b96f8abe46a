import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CreateNoteMutation,
  CreateNoteMutationVariables,
  DeleteNoteMutation,
  DeleteNoteMutationVariables,
  NoteFieldsFragment,
  NotesQuery,
  NotesQueryVariables,
  UpdateNoteMutation,
  UpdateNoteMutationVariables,
} from '@/lib/gql/graphql';

// Result types come from codegen (lib/gql/graphql.ts, from schema.graphql); `npm run codegen -w @kring/web`.
export type NoteView = NoteFieldsFragment;
export type NotesData = NotesQuery;

export interface NoteInput {
  title: string;
  body: string;
}

const NOTE_FIELDS = gql`
  fragment NoteFields on Note {
    id
    title
    body
    updatedAt
    author {
      id
      name
    }
  }
`;

export const NOTES: TypedDocumentNode<NotesQuery, NotesQueryVariables> = gql`
  query Notes($accountId: ID!, $after: String) {
    account(id: $accountId) {
      id
      notes(first: 50, after: $after) {
        nodes {
          ...NoteFields
        }
        nextCursor
      }
    }
  }
  ${NOTE_FIELDS}
`;

export const CREATE_NOTE: TypedDocumentNode<CreateNoteMutation, CreateNoteMutationVariables> = gql`
  mutation CreateNote($accountId: ID!, $input: NoteInput!) {
    createNote(accountId: $accountId, input: $input) {
      ...NoteFields
    }
  }
  ${NOTE_FIELDS}
`;

export const UPDATE_NOTE: TypedDocumentNode<UpdateNoteMutation, UpdateNoteMutationVariables> = gql`
  mutation UpdateNote($id: ID!, $input: NoteInput!) {
    updateNote(id: $id, input: $input) {
      ...NoteFields
    }
  }
  ${NOTE_FIELDS}
`;

export const DELETE_NOTE: TypedDocumentNode<DeleteNoteMutation, DeleteNoteMutationVariables> = gql`
  mutation DeleteNote($id: ID!) {
    deleteNote(id: $id)
  }
`;
