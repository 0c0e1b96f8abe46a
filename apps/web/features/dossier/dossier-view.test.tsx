import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { account, renderWith, type GqlReply } from '@/test/render';
import { DossierView } from './dossier-view';

const provider = { __typename: 'Provider', id: 'p1', name: 'GGZ Voorbeeld' };
const item = (id: string, kind: string, title: string, body: string, authoredAt: string, answers: { question: string; answer: string }[] = []) => ({
  __typename: 'DossierItem',
  id,
  kind,
  title,
  body,
  provider,
  authorName: 'Dr. A. Jansen',
  authoredAt,
  updatedAt: authoredAt,
  version: 1,
  answers: answers.map((a) => ({ __typename: 'QuestionnaireAnswer', ...a })),
});

const dossier: GqlReply = {
  data: {
    account: {
      __typename: 'Account',
      id: 'acc-sanne',
      dossier: {
        __typename: 'Dossier',
        items: [
          item('r1', 'CARE_REPORT', 'Eerste gesprek', 'Kennismaking.', '2026-10-01T10:00:00.000Z'),
          item('r2', 'CARE_REPORT', 'Tweede gesprek', '<img src=x onerror="alert(1)"><b>vet</b>', '2026-11-01T10:00:00.000Z'),
          item('c1', 'CARE_PLAN', 'Zorgplan 2026', 'Doel: weer werken.', '2026-09-01T10:00:00.000Z'),
          item('q1', 'QUESTIONNAIRE', 'Hoe gaat het?', '', '2026-11-15T10:00:00.000Z', [{ question: 'Hoe slaap je?', answer: 'Slecht' }]),
        ],
      },
    },
  },
};

const refused = (code: string): GqlReply => ({
  data: { account: { __typename: 'Account', id: 'acc-sanne', dossier: null } },
  errors: [{ message: code, path: ['account', 'dossier'], extensions: { code } }],
});

describe('Dossier', () => {
  it('shows reports newest first with provider, author and date; HTML in a body is shown as text', async () => {
    const { container } = renderWith(<DossierView />, { handlers: { Dossier: () => dossier } });
    const panel = await screen.findByRole('tabpanel', { name: 'Zorgrapportages' });
    const titles = within(panel).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual(['Tweede gesprek', 'Eerste gesprek']);
    expect(within(panel).getByText('<img src=x onerror="alert(1)"><b>vet</b>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(within(panel).getAllByText('GGZ Voorbeeld')).toHaveLength(2);
    expect(within(panel).getAllByText('Dr. A. Jansen')).toHaveLength(2);
    expect(within(panel).getByText('1 november 2026')).toBeInTheDocument();
  });

  it('has tabs for care plans and questionnaires, with questions and answers', async () => {
    const user = userEvent.setup();
    renderWith(<DossierView />, { handlers: { Dossier: () => dossier } });
    await user.click(await screen.findByRole('tab', { name: 'Zorgplannen' }));
    expect(screen.getByRole('tabpanel', { name: 'Zorgplannen' })).toHaveTextContent('Doel: weer werken.');
    await user.click(screen.getByRole('tab', { name: 'Vragenlijsten' }));
    const q = screen.getByRole('tabpanel', { name: 'Vragenlijsten' });
    expect(within(q).getByText('Hoe slaap je?').tagName).toBe('DT');
    expect(within(q).getByText('Slecht').tagName).toBe('DD');
  });

  it('asks for the SMS code on STEP_UP_REQUIRED, then shows the dossier', async () => {
    const user = userEvent.setup();
    let verified = false;
    renderWith(<DossierView />, {
      handlers: {
        Dossier: () => (verified ? dossier : refused('STEP_UP_REQUIRED')),
        RequestStepUpCode: () => ({ data: { requestStepUpCode: { __typename: 'StepUpChallenge', sentTo: '+31 6 ••• •• 78', expiresAt: '2026-12-04T09:10:00.000Z' } } }),
        VerifyStepUpCode: () => {
          verified = true;
          return { data: { verifyStepUpCode: { __typename: 'Viewer', stepUpValidUntil: '2026-12-04T09:15:00.000Z' } } };
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Stuur sms-code' }));
    await user.type(await screen.findByLabelText('Code uit de sms'), '654321');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('Tweede gesprek')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Bevestig met sms-code' })).not.toBeInTheDocument());
  });

  it('explains PHONE_REQUIRED and links to the profile', async () => {
    renderWith(<DossierView />, { handlers: { Dossier: () => refused('PHONE_REQUIRED') } });
    expect(await screen.findByText('Voor het dossier is een bevestigd mobiel nummer nodig')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar je profiel' })).toHaveAttribute('href', '/profiel');
  });

  it('says "niet voor jou" on FORBIDDEN', async () => {
    renderWith(<DossierView />, { handlers: { Dossier: () => refused('FORBIDDEN') } });
    expect(await screen.findByText('Niet voor jou')).toBeInTheDocument();
  });

  it('a BASIC helper is told "niet voor jou" and never asked for a code', () => {
    const { api } = renderWith(<DossierView />, { handlers: {}, account: account('BASIC') });
    expect(screen.getByText('Niet voor jou')).toBeInTheDocument();
    expect(screen.queryByText('Bevestig met sms-code')).not.toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('shows the dossier the server fetched at once, without asking the API again', () => {
    const initial = dossier.data as never;
    const { api } = renderWith(<DossierView initial={initial} />, { handlers: { Dossier: () => dossier } });
    const panel = screen.getByRole('tabpanel', { name: 'Zorgrapportages' });
    expect(within(panel).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Tweede gesprek', 'Eerste gesprek']);
    expect(screen.getByRole('button', { name: 'Afdrukken' })).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('asks from the browser when the server had nothing (no fresh step-up): the SMS step-up shows', async () => {
    const { api } = renderWith(<DossierView initial={null} />, { handlers: { Dossier: () => refused('STEP_UP_REQUIRED') } });
    await screen.findByText('Bevestig met sms-code');
    expect(api.calls.map((c) => c.operationName)).toEqual(['Dossier']);
  });
});
