import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/lib/i18n/client';
import { currentLocale } from '@/lib/session';
import './globals.css';
import './circle.css';
import { Help } from '@/features/help/help';

export const metadata: Metadata = {
  title: { default: 'Kring', template: '%s · Kring' },
  description: 'Kring: je persoonlijke gezondheidsomgeving, samen met de mensen die je helpen.',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#1f5f5b',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await currentLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>{children}<Help /></I18nProvider>
      </body>
    </html>
  );
}
