import { render, screen, within } from '@testing-library/react';
import { I18nProvider } from '@/lib/i18n/client';
import { RIGHTS } from '@/test/render';
import { Menu } from './menu';

function menuLabels(level: keyof typeof RIGHTS): string[] {
  render(
    <I18nProvider locale="nl">
      <Menu rights={RIGHTS[level]} />
    </I18nProvider>,
  );
  return within(screen.getByRole('list'))
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

describe('Menu from myRights', () => {
  it.each([
    ['MANAGER', ['Kalender', 'Dossier', 'Connecties', 'Wie heeft wat bekeken', 'Meldingen', 'Berichten', 'Notities', 'Profiel']],
    ['TRUST', ['Kalender', 'Dossier', 'Meldingen', 'Berichten', 'Notities', 'Profiel']],
    ['BASIC', ['Kalender', 'Meldingen', 'Berichten', 'Notities', 'Profiel']],
    ['NONE', ['Profiel']],
  ] as const)('%s sees %j', (level, expected) => {
    expect(menuLabels(level)).toEqual(expected);
  });

  it('BASIC is offered neither Dossier nor Connecties', () => {
    const labels = menuLabels('BASIC');
    expect(labels).not.toContain('Dossier');
    expect(labels).not.toContain('Connecties');
  });

  it('always offers signing out', () => {
    menuLabels('NONE');
    expect(screen.getByRole('button', { name: 'Uitloggen' })).toBeInTheDocument();
  });
});
