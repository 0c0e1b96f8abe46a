import { gql, type TypedDocumentNode } from '@apollo/client';

export interface NoteView {
  id: string;
  title: string;
  body: string;
  updatedAt: string;
  author: { id: string; name: string };
}

export interface NotesData {
  account: { id: string; notes: { nodes: NoteView[]; nextCursor: string | null } | null } | null;
}

const NOTE_FIELDS = `id title body updatedAt author { id name }`;

export const NOTES: TypedDocumentNode<NotesData, { accountId: string; after?: string | null }> = gql`
  query Notes($accountId: ID!, $after: String) {
    account(id: $accountId) {
      id
      notes(first: 50, after: $after) { nodes { ${NOTE_FIELDS} } nextCursor }
    }
  }
`;

export interface NoteInput {
  title: string;
  body: string;
}

export const CREATE_NOTE: TypedDocumentNode<{ createNote: NoteView }, { accountId: string; input: NoteInput }> = gql`
  mutation CreateNote($accountId: ID!, $input: NoteInput!) {
    createNote(accountId: $accountId, input: $input) { ${NOTE_FIELDS} }
  }
`;

export const UPDATE_NOTE: TypedDocumentNode<{ updateNote: NoteView }, { id: string; input: NoteInput }> = gql`
  mutation UpdateNote($id: ID!, $input: NoteInput!) {
    updateNote(id: $id, input: $input) { ${NOTE_FIELDS} }
  }
`;

export const DELETE_NOTE: TypedDocumentNode<{ deleteNote: boolean }, { id: string }> = gql`
  mutation DeleteNote($id: ID!) {
    deleteNote(id: $id)
  }
`;
