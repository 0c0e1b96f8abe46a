import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '@/lib/i18n/client';
import type { ShellViewer } from '@/lib/session';
import { account } from '@/test/render';
import { Shell } from './shell';

jest.mock('next/navigation', () => ({ usePathname: () => '/kalender', useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }) }));
jest.mock('@/lib/actions/preferences', () => ({ openAccount: jest.fn() }));

const viewer: ShellViewer = {
  user: { id: 'user-jeroen', firstName: 'Jeroen', lastName: 'de Vries', email: 'jeroen@example.nl', avatarUrl: null, locale: 'nl' },
  accounts: [
    account('MANAGER', { id: 'acc-jeroen', displayName: 'Jeroen de Vries', own: true }),
    account('TRUST', { id: 'acc-sanne', displayName: 'Sanne de Vries', own: false, avatarUrl: 'http://127.0.0.1:4000/avatars/sanne.png' }),
    account('BASIC', { id: 'acc-opa', displayName: 'Opa Kees', own: false }),
  ],
};

function renderShell(openId: string, demo = false) {
  const onOpenAccount = jest.fn();
  const open = viewer.accounts.find((a) => a.id === openId)!;
  render(
    <I18nProvider locale="nl">
      <Shell viewer={viewer} open={open} demo={demo} onOpenAccount={onOpenAccount}>
        <p>inhoud</p>
      </Shell>
    </I18nProvider>,
  );
  return { onOpenAccount };
}

describe('Shell', () => {
  it('shows the people the viewer helps beside their own picture, and a plus button to /activeren', () => {
    renderShell('acc-jeroen');
    const people = screen.getByRole('navigation', { name: 'Wiens account' });
    expect(within(people).getByRole('button', { name: /Open het account van Sanne de Vries/ })).toBeInTheDocument();
    expect(within(people).getByRole('button', { name: /Open het account van Opa Kees/ })).toHaveTextContent('OK');
    expect(within(people).getByRole('button', { name: /Jouw eigen account/ })).toHaveAttribute('aria-current', 'true');
    expect(within(people).getByRole('link', { name: 'Account activeren of toevoegen' })).toHaveAttribute('href', '/activeren');
  });

  it('clicking a picture opens that account in the same session', async () => {
    const user = userEvent.setup();
    const { onOpenAccount } = renderShell('acc-jeroen');
    await user.click(screen.getByRole('button', { name: /Open het account van Sanne de Vries/ }));
    expect(onOpenAccount).toHaveBeenCalled();
    const form = onOpenAccount.mock.calls[0]?.[0] as FormData;
    expect(form.get('accountId')).toBe('acc-sanne');
  });

  it('builds the menu from the open account: BASIC on Opa Kees has no Dossier or Connecties', () => {
    renderShell('acc-opa');
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    const labels = within(menu).getAllByRole('link').map((a) => a.textContent);
    expect(labels).not.toContain('Dossier');
    expect(labels).not.toContain('Connecties');
    expect(screen.getByText('Je bekijkt het account van Opa Kees')).toBeInTheDocument();
  });

  it('shows the demo mark only in the demo', () => {
    renderShell('acc-jeroen', true);
    expect(screen.getByText('demo')).toBeInTheDocument();
  });

  it('has no demo mark otherwise, and a menu button for phones', async () => {
    const user = userEvent.setup();
    renderShell('acc-jeroen');
    expect(screen.queryByText('demo')).not.toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Menu openen' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(screen.getByRole('button', { name: 'Menu sluiten' })).toHaveAttribute('aria-expanded', 'true');
  });
});
