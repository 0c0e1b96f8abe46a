import { normaliseOutbox } from './outbox';

describe('normaliseOutbox', () => {
  it('reads rows in either shape, newest first', () => {
    const rows = normaliseOutbox({
      messages: [
        { id: 'a', channel: 'email', kind: 'invitation', recipient: 'x@example.nl', subject: 'Uitnodiging', text: 'Klik hier', createdAt: '2026-12-04T07:00:00.000Z' },
        { id: 'b', channel: 'sms', kind: 'step-up-code', to: '+31612345678', text: 'Je Kring-code is 123456.', createdAt: '2026-12-04T08:00:00.000Z' },
      ],
    });
    expect(rows.map((r) => [r.id, r.channel, r.to])).toEqual([
      ['b', 'sms', '+31612345678'],
      ['a', 'email', 'x@example.nl'],
    ]);
  });

  it('accepts a bare array and ignores nonsense', () => {
    expect(normaliseOutbox([{ recipient: '+316', text: 'hoi' }])[0]).toMatchObject({ channel: 'sms', to: '+316', text: 'hoi' });
    expect(normaliseOutbox('nope')).toEqual([]);
  });
});
