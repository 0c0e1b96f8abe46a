import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DossierKind } from './dossier-item.entity';

export const DossierItemKindEnum = { CARE_REPORT: 'CARE_REPORT', CARE_PLAN: 'CARE_PLAN', QUESTIONNAIRE: 'QUESTIONNAIRE' } as const;
registerEnumType(DossierItemKindEnum, { name: 'DossierItemKind' });

@ObjectType('Dossier')
export class DossierType {
  /** The account whose dossier this is; its items are scoped to it. */
  accountId: string;
}

@ObjectType('QuestionnaireAnswer')
export class QuestionnaireAnswerType {
  @Field() question: string;
  @Field() answer: string;
}

@ObjectType('DossierItem')
export class DossierItemType {
  @Field(() => ID) id: string;
  @Field(() => DossierItemKindEnum) kind: DossierKind;
  @Field() title: string;
  @Field() body: string;
  /** Resolved through the per-request provider loader. */
  providerId: string;
  @Field(() => String, { nullable: true }) authorName: string | null;
  @Field() authoredAt: Date;
  @Field({ description: 'When the provider last changed it; version counts from 1.' }) updatedAt: Date;
  @Field(() => Int) version: number;
  @Field(() => [QuestionnaireAnswerType]) answers: QuestionnaireAnswerType[];
}

@InputType('QuestionnaireAnswerInput')
export class QuestionnaireAnswerInput {
  @Field() question: string;
  @Field() answer: string;
}

@InputType('ProviderDossierItemInput')
export class ProviderDossierItemInput {
  @Field() externalId: string;
  @Field() externalPatientId: string;
  @Field(() => DossierItemKindEnum) kind: DossierKind;
  @Field() title: string;
  @Field() body: string;
  @Field(() => String, { nullable: true }) authorName?: string | null;
  @Field() authoredAt: Date;
  @Field(() => [QuestionnaireAnswerInput], { nullable: true }) answers?: QuestionnaireAnswerInput[] | null;
}
