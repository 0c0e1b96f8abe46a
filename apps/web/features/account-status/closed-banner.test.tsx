import { render, screen } from '@testing-library/react';
import { I18nProvider } from '@/lib/i18n/client';
import { ClosedBanner } from './closed-banner';

describe('ClosedBanner', () => {
  it('explains a closed account: read-only, deleted after 30 days', () => {
    render(
      <I18nProvider locale="nl">
        <ClosedBanner account={{ status: 'CLOSED', displayName: 'Sanne de Vries' }} />
      </I18nProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Dit account is ontkoppeld');
    expect(screen.getByRole('status')).toHaveTextContent('nog 30 dagen lezen en bewaren');
  });

  it('says nothing for an active account', () => {
    const { container } = render(
      <I18nProvider locale="nl">
        <ClosedBanner account={{ status: 'ACTIVE', displayName: 'Sanne de Vries' }} />
      </I18nProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
