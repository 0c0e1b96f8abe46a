import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith } from '@/test/render';
import { StepUpPanel } from './step-up-panel';

const challenge = () => ({ data: { requestStepUpCode: { __typename: 'StepUpChallenge', sentTo: '+31 6 ••• •• 78', expiresAt: '2026-12-04T09:10:00.000Z' } } });

describe('StepUpPanel', () => {
  it('sends a code on request, says where it went, and verifies it', async () => {
    const user = userEvent.setup();
    const onVerified = jest.fn();
    const { api } = renderWith(<StepUpPanel onVerified={onVerified} />, {
      handlers: {
        RequestStepUpCode: challenge,
        VerifyStepUpCode: () => ({ data: { verifyStepUpCode: { __typename: 'Viewer', stepUpValidUntil: '2026-12-04T09:15:00.000Z' } } }),
      },
    });
    expect(screen.getByRole('heading', { name: 'Bevestig met sms-code' })).toBeInTheDocument();
    // Nothing is texted until the user asks.
    expect(api.calls).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Stuur sms-code' }));
    expect(await screen.findByText(/We hebben een code gestuurd naar \+31 6 ••• •• 78/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Code uit de sms'), '123456');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    await waitFor(() => expect(onVerified).toHaveBeenCalled());
    expect(api.calls.find((c) => c.operationName === 'VerifyStepUpCode')?.variables).toEqual({ code: '123456' });
  });

  it('refuses anything but six digits without asking the API', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<StepUpPanel onVerified={jest.fn()} />, { handlers: { RequestStepUpCode: challenge } });
    await user.click(screen.getByRole('button', { name: 'Stuur sms-code' }));
    await user.type(await screen.findByLabelText('Code uit de sms'), '12a4');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Vul de 6 cijfers uit de sms in.');
    expect(api.calls.map((c) => c.operationName)).toEqual(['RequestStepUpCode']);
  });

  it('says so when the code is wrong', async () => {
    const user = userEvent.setup();
    const onVerified = jest.fn();
    renderWith(<StepUpPanel onVerified={onVerified} />, {
      handlers: {
        RequestStepUpCode: challenge,
        VerifyStepUpCode: () => ({ data: null, errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', reason: 'WRONG_CODE' } }] }),
      },
    });
    await user.click(screen.getByRole('button', { name: 'Stuur sms-code' }));
    await user.type(await screen.findByLabelText('Code uit de sms'), '000000');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Die code klopt niet.');
    expect(onVerified).not.toHaveBeenCalled();
  });

  it('explains a refused send (too many texts)', async () => {
    const user = userEvent.setup();
    renderWith(<StepUpPanel onVerified={jest.fn()} />, {
      handlers: { RequestStepUpCode: () => ({ data: null, errors: [{ message: 'x', extensions: { code: 'RATE_LIMITED' } }] }) },
    });
    await user.click(screen.getByRole('button', { name: 'Stuur sms-code' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Te veel pogingen of te veel sms-berichten.');
  });
});
