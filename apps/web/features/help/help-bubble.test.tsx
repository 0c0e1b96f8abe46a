import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith } from '@/test/render';
import { HelpBubble } from './help-bubble';
import { HelpPanel } from './help-panel';

const faq = (v: Record<string, unknown>) => ({
  data: {
    faq: [
      { __typename: 'FaqEntry', id: 'f1', question: 'Ik krijg geen sms-code', answer: 'Controleer je mobiele nummer op je profielpagina.' },
      { __typename: 'FaqEntry', id: 'f2', question: 'Wat is de vertrouwensgroep?', answer: 'Mensen die alles mogen zien.' },
    ].filter((e) => !v.search || e.question.toLowerCase().includes((typeof v.search === 'string' ? v.search : '').toLowerCase())),
  },
});

describe('Help bubble', () => {
  it('opens a dialog with the crisis numbers and where to go, always visible; Escape closes and returns focus', async () => {
    const user = userEvent.setup();
    renderWith(<HelpBubble supportEmail="support@kring.example" signedIn={false} Panel={HelpPanel} />, { handlers: { Faq: faq } });
    const button = screen.getByRole('button', { name: 'Hulp en vragen' });
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Hulp en vragen' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('link', { name: '112' })).toHaveAttribute('href', 'tel:112');
    expect(within(dialog).getByRole('link', { name: '0800-0113' })).toHaveAttribute('href', 'tel:08000113');
    expect(within(dialog).getByText(/113 Zelfmoordpreventie/)).toBeInTheDocument();
    expect(within(dialog).getByText(/huisarts/)).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'support@kring.example' })).toHaveAttribute('href', 'mailto:support@kring.example');
    expect(within(dialog).getByText(/secretariaat van je zorgaanbieder/)).toBeInTheDocument();
    expect(within(dialog).getByText(/neem contact op met je behandelaar/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Hulp en vragen' })).toHaveFocus());
  });

  it('keeps focus inside the panel', async () => {
    const user = userEvent.setup();
    renderWith(<HelpBubble supportEmail="support@kring.example" signedIn={false} Panel={HelpPanel} />, { handlers: { Faq: faq } });
    await user.click(screen.getByRole('button', { name: 'Hulp en vragen' }));
    const dialog = screen.getByRole('dialog');
    await screen.findByText('Ik krijg geen sms-code');
    for (let i = 0; i < 25; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await user.tab({ shift: true });
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it('searches the FAQ and keeps the crisis numbers on screen', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<HelpBubble supportEmail="support@kring.example" signedIn={false} Panel={HelpPanel} />, { handlers: { Faq: faq } });
    await user.click(screen.getByRole('button', { name: 'Hulp en vragen' }));
    await screen.findByText('Wat is de vertrouwensgroep?');
    await user.type(screen.getByRole('searchbox', { name: 'Zoek in de veelgestelde vragen' }), 'sms');
    await user.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(screen.queryByText('Wat is de vertrouwensgroep?')).toBeNull());
    expect(screen.getByText('Ik krijg geen sms-code')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '112' })).toBeVisible();
    expect(api.calls.at(-1)).toEqual({ operationName: 'Faq', variables: { search: 'sms', locale: 'nl' } });
  });

  it('sends a question, signed out too', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<HelpBubble supportEmail="support@kring.example" signedIn={false} Panel={HelpPanel} />, {
      handlers: { Faq: faq, AskQuestion: () => ({ data: { askQuestion: true } }) },
    });
    await user.click(screen.getByRole('button', { name: 'Hulp en vragen' }));
    await user.click(screen.getByRole('button', { name: 'Vraag versturen' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Schrijf eerst je vraag.');
    await user.type(screen.getByLabelText('Je vraag'), 'Hoe voeg ik mijn moeder toe?');
    await user.type(screen.getByLabelText('E-mailadres'), 'ik@example.nl');
    await user.click(screen.getByRole('button', { name: 'Vraag versturen' }));
    expect(await screen.findByText('Je vraag is verstuurd. We antwoorden per e-mail.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operationName === 'AskQuestion')?.variables).toEqual({ question: 'Hoe voeg ik mijn moeder toe?', replyTo: 'ik@example.nl' });
  });

  it('names the secretariat of the providers in the agenda when signed in', async () => {
    const user = userEvent.setup();
    const provider = { __typename: 'Provider', id: 'p1', name: 'GGZ Voorbeeld', contactPhone: '010 123 4567', contactEmail: null };
    renderWith(<HelpBubble supportEmail="support@kring.example" signedIn Panel={HelpPanel} />, {
      handlers: {
        Faq: faq,
        HelpProviders: () => ({
          data: { viewer: { __typename: 'Viewer', agenda: [1, 2].map((i) => ({ __typename: 'Occurrence', appointment: { __typename: 'Appointment', id: `a${i}`, provider } })) } },
        }),
      },
    });
    await user.click(screen.getByRole('button', { name: 'Hulp en vragen' }));
    expect(await screen.findByText(/Secretariaat van GGZ Voorbeeld/)).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: '010 123 4567' })).toHaveLength(1);
  });

  it('speaks English', async () => {
    const user = userEvent.setup();
    renderWith(<HelpBubble supportEmail="support@kring.example" signedIn={false} Panel={HelpPanel} />, { handlers: { Faq: faq }, locale: 'en' });
    await user.click(screen.getByRole('button', { name: 'Help and questions' }));
    expect(screen.getByText(/In immediate danger: call/)).toBeInTheDocument();
  });
});
