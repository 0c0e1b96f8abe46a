/** The help bubble's frequently asked questions, in Dutch and English (same ids in both). */
export interface FaqText {
  q: string;
  a: string;
}
export interface FaqItem {
  id: string;
  nl: FaqText;
  en: FaqText;
}

export const FAQ: readonly FaqItem[] = [
  {
    id: 'inloggen',
    nl: {
      q: 'Hoe log ik in?',
      a: 'Inloggen doe je met je e-mailadres en wachtwoord. Heb je nog geen login? Die maak je met de activatiecode uit de brief van je zorgaanbieder, of via de uitnodiging van iemand die je wil laten meekijken.',
    },
    en: {
      q: 'How do I sign in?',
      a: 'Sign in with your e-mail address and password. No login yet? You create one with the activation code from your care provider’s letter, or through an invitation from someone who wants you to help.',
    },
  },
  {
    id: 'wachtwoord-vergeten',
    nl: {
      q: 'Ik ben mijn wachtwoord vergeten. Wat nu?',
      a: 'Kies op de inlogpagina "Wachtwoord vergeten" en vul je e-mailadres in. Je krijgt een e-mail met een link die één keer werkt. Na het kiezen van een nieuw wachtwoord word je op al je apparaten uitgelogd. Voor beschermde pagina’s vraagt Kring daarna nog steeds een sms-code.',
    },
    en: {
      q: 'I forgot my password. What now?',
      a: 'Choose "Forgot password" on the sign-in page and enter your e-mail address. You will get an e-mail with a link that works once. After you choose a new password you are signed out on all your devices. Protected pages still ask for an SMS code afterwards.',
    },
  },
  {
    id: 'inloggen-geblokkeerd',
    nl: {
      q: 'Waarom kan ik even niet inloggen?',
      a: 'Na een paar verkeerde pogingen moet je steeds wat langer wachten voor je het opnieuw kunt proberen. Zo kan niemand je wachtwoord raden. Wacht even, of kies "Wachtwoord vergeten" om een nieuw wachtwoord in te stellen.',
    },
    en: {
      q: 'Why can’t I sign in right now?',
      a: 'After a few wrong attempts you have to wait a little longer each time before trying again. This stops others from guessing your password. Wait a while, or choose "Forgot password" to set a new one.',
    },
  },
  {
    id: 'sessies',
    nl: {
      q: 'Hoe log ik uit op een ander apparaat?',
      a: 'Op je profiel zie je op welke apparaten je bent ingelogd. Daar beëindig je één sessie of alle andere tegelijk. Een sessie stopt ook vanzelf na 30 minuten zonder gebruik en altijd na 12 uur.',
    },
    en: {
      q: 'How do I sign out on another device?',
      a: 'Your profile lists the devices you are signed in on. There you can end one session or all others at once. A session also ends by itself after 30 minutes without use, and always after 12 hours.',
    },
  },
  {
    id: 'activatiecode',
    nl: {
      q: 'Wat doe ik met de activatiecode uit de brief?',
      a: 'Je zorgaanbieder stuurt je een brief met een activatiecode. Ga naar de pagina Activeren, vul de code en je geboortedatum in en maak een login aan (of log in als je er al een hebt). De code is 6 weken geldig en werkt één keer.',
    },
    en: {
      q: 'What do I do with the activation code from the letter?',
      a: 'Your care provider sends you a letter with an activation code. Go to the Activate page, enter the code and your date of birth, and create a login (or sign in if you already have one). The code is valid for 6 weeks and works once.',
    },
  },
  {
    id: 'activatiecode-werkt-niet',
    nl: {
      q: 'Mijn activatiecode werkt niet of is verlopen',
      a: 'Controleer de code en je geboortedatum. Kring gebruikt geen letters die op cijfers lijken (geen O of I), dus een 0 of 1 is nooit bedoeld. Na 5 verkeerde pogingen vervalt de code. Vraag dan het secretariaat van je zorgaanbieder om een nieuwe brief; een nieuwe brief maakt de oude ongeldig.',
    },
    en: {
      q: 'My activation code does not work or has expired',
      a: 'Check the code and your date of birth. Kring never uses letters that look like digits (no O or I), so a 0 or 1 is never meant. After 5 wrong attempts the code is void. Then ask your care provider’s secretariat for a new letter; a new letter replaces the old one.',
    },
  },
  {
    id: 'voor-iemand-anders',
    nl: {
      q: 'Kan ik Kring activeren voor iemand anders?',
      a: 'Ja. Ben je ouder of wettelijk vertegenwoordiger, kies dan bij het activeren "voor iemand anders". Er komt dan een nieuw account bij dat jij beheert, naast je eigen account. Met de profielfoto’s bovenaan wissel je tussen de accounts.',
    },
    en: {
      q: 'Can I activate Kring for someone else?',
      a: 'Yes. If you are a parent or legal representative, choose "for someone else" when activating. A new account is added that you manage, next to your own. Switch between accounts with the profile pictures at the top.',
    },
  },
  {
    id: 'sms-code',
    nl: {
      q: 'Waarom vraagt Kring om een sms-code?',
      a: 'Het dossier, je connecties, je zorgaanbieders en het toegangslog zijn extra beschermd. Daarvoor bevestig je met een code van 6 cijfers die je per sms krijgt. De code is 10 minuten geldig. Daarna blijft de bevestiging geldig zolang je die pagina’s gebruikt, tot 15 minuten zonder gebruik.',
    },
    en: {
      q: 'Why does Kring ask for an SMS code?',
      a: 'The care file, your connections, your care providers and the access log have extra protection. You confirm with a 6-digit code sent to you by SMS. The code is valid for 10 minutes. After that the confirmation lasts while you keep using those pages, until 15 minutes without use.',
    },
  },
  {
    id: 'sms-niet-ontvangen',
    nl: {
      q: 'Ik krijg geen sms-code. Wat kan ik doen?',
      a: 'Kijk op je profiel of je mobiele nummer klopt en bevestigd is; zonder bevestigd nummer kan Kring geen code sturen. Een sms kan soms een minuut duren. Je kunt hoogstens 3 codes per 10 minuten laten sturen. Lukt het niet, stel dan je vraag via deze hulpknop.',
    },
    en: {
      q: 'I do not receive an SMS code. What can I do?',
      a: 'Check on your profile that your mobile number is right and confirmed; without a confirmed number Kring cannot send a code. A text can take a minute. You can ask for at most 3 codes per 10 minutes. If it still fails, send your question through this help button.',
    },
  },
  {
    id: 'mobiel-nummer',
    nl: {
      q: 'Hoe voeg ik mijn mobiele nummer toe of verander ik het?',
      a: 'Vul op je profiel je mobiele nummer in. Je krijgt een e-mail met de knop "stuur code"; daarna krijg je een sms-code waarmee je het nummer bevestigt. Een bevestigd nummer veranderen vraagt je wachtwoord en een code naar het nieuwe nummer. Je kunt je nummer ook verbergen voor je connecties.',
    },
    en: {
      q: 'How do I add or change my mobile number?',
      a: 'Enter your mobile number on your profile. You get an e-mail with a "send code" button; then an SMS code arrives with which you confirm the number. Changing a confirmed number needs your password and a code sent to the new number. You can also hide your number from your connections.',
    },
  },
  {
    id: 'connectie-uitnodigen',
    nl: {
      q: 'Hoe laat ik iemand meekijken?',
      a: 'Als beheerder van een account nodig je iemand uit bij Connecties: vul voornaam, achternaam en e-mailadres in en kies welke rechten die persoon krijgt. Hij of zij krijgt een e-mail met een link om een login te maken of in te loggen.',
    },
    en: {
      q: 'How do I let someone help me?',
      a: 'As the manager of an account, invite someone under Connections: enter their first name, last name and e-mail address and choose which rights they get. They receive an e-mail with a link to create a login or sign in.',
    },
  },
  {
    id: 'rechten',
    nl: {
      q: 'Welke rechten kan een connectie hebben?',
      a: 'Vertrouwensgroep: ziet alles, ook het dossier en de berichten aan de vertrouwensgroep. Basisrechten: de agenda, berichten aan alle connecties en notities. Niets: tijdelijk afgeschermd, ziet alleen je naam en foto. Alleen de beheerder beheert connecties en zorgaanbieders.',
    },
    en: {
      q: 'Which rights can a connection have?',
      a: 'Trust group: sees everything, including the care file and messages to the trust group. Basic rights: the calendar, messages to all connections and notes. Nothing: temporarily shielded, sees only your name and picture. Only the manager manages connections and care providers.',
    },
  },
  {
    id: 'connectie-wijzigen',
    nl: {
      q: 'Hoe verander of verwijder ik een connectie?',
      a: 'Kies bij Connecties andere rechten of verwijder de connectie. Dat geldt meteen, ook als die persoon op dat moment is ingelogd. Jullie krijgen allebei een e-mail. Wil je zelf stoppen met meekijken bij iemand, dan kan dat ook.',
    },
    en: {
      q: 'How do I change or remove a connection?',
      a: 'Under Connections, choose other rights or remove the connection. It takes effect at once, even if that person is signed in. You both get an e-mail. If you want to stop helping someone yourself, you can do that too.',
    },
  },
  {
    id: 'wisselen',
    nl: {
      q: 'Ik help meer mensen. Hoe wissel ik tussen hen?',
      a: 'Bovenaan zie je naast je eigen profielfoto de foto’s van de mensen die je helpt. Klik op een foto om hun agenda, berichten en notities te openen. Je ziet alleen wat je rechten toestaan.',
    },
    en: {
      q: 'I help several people. How do I switch between them?',
      a: 'At the top, next to your own profile picture, you see the pictures of the people you help. Click one to open their calendar, messages and notes. You only see what your rights allow.',
    },
  },
  {
    id: 'agenda',
    nl: {
      q: 'Hoe zet ik een afspraak in de agenda?',
      a: 'Kies in de Kalender "nieuwe afspraak". Een afspraak kan zich herhalen (elke zoveel dagen, weken, maanden of jaren) en je kunt connecties vragen om te helpen; zij krijgen een e-mail en zien de afspraak in hun eigen agenda. Eén keer van een reeks verplaatsen of laten vervallen kan ook.',
    },
    en: {
      q: 'How do I add an appointment to the calendar?',
      a: 'Choose "new appointment" in the Calendar. An appointment can repeat (every so many days, weeks, months or years) and you can ask connections to help; they get an e-mail and see it in their own agenda. You can also move or cancel a single occurrence of a series.',
    },
  },
  {
    id: 'agenda-zorgaanbieder',
    nl: {
      q: 'Waarom kan ik een afspraak van mijn zorgaanbieder niet wijzigen?',
      a: 'Afspraken van je zorgaanbieder komen uit hun eigen systeem en zijn alleen te lezen. Wil je een afspraak verzetten of afzeggen, neem dan contact op met je zorgaanbieder. Een afgezegde afspraak blijft zichtbaar als afgezegd.',
    },
    en: {
      q: 'Why can’t I change an appointment from my care provider?',
      a: 'Appointments from your care provider come from their own system and are read-only. To move or cancel one, contact your care provider. A cancelled appointment stays visible as cancelled.',
    },
  },
  {
    id: 'dossier',
    nl: {
      q: 'Wat staat er in het dossier en wie kan het zien?',
      a: 'In het dossier staan de zorgrapportages, zorgplannen en vragenlijsten die je zorgaanbieder deelt. Alleen de beheerder en de vertrouwensgroep kunnen het openen, na een sms-code. Elke keer dat iemand het dossier opent, staat in het toegangslog.',
    },
    en: {
      q: 'What is in the care file and who can see it?',
      a: 'The care file holds the care reports, care plans and questionnaires your care provider shares. Only the manager and the trust group can open it, after an SMS code. Every time someone opens it is recorded in the access log.',
    },
  },
  {
    id: 'dossier-onjuist',
    nl: {
      q: 'Er staat iets in mijn dossier dat niet klopt',
      a: 'Kring laat zien wat je zorgaanbieder deelt en kan het zelf niet veranderen. Bespreek het met je behandelaar; als de zorgaanbieder het aanpast, zie je de nieuwe versie en wanneer die veranderd is.',
    },
    en: {
      q: 'Something in my care file is wrong',
      a: 'Kring shows what your care provider shares and cannot change it. Discuss it with your practitioner; when the provider corrects it, you see the new version and when it changed.',
    },
  },
  {
    id: 'meldingen',
    nl: {
      q: 'Welke e-mails stuurt Kring en hoe zet ik ze uit?',
      a: 'Bij Meldingen kies je per account of je een e-mail wilt als een afspraak bijna begint (en hoe lang van tevoren), bij een nieuw bericht en als een zorgplan verandert. Alles staat standaard aan, 60 minuten van tevoren. Veel berichten kort na elkaar komen samen in één e-mail, hoogstens één per 10 minuten.',
    },
    en: {
      q: 'Which e-mails does Kring send and how do I turn them off?',
      a: 'Under Notifications you choose per account whether you want an e-mail when an appointment is about to start (and how long before), for a new message and when a care plan changes. All are on by default, 60 minutes before. Many messages in a short time come together in one e-mail, at most one per 10 minutes.',
    },
  },
  {
    id: 'berichten',
    nl: {
      q: 'Wie leest mijn berichten?',
      a: 'Je kiest voor het versturen: "alle connecties" (basisrechten en vertrouwensgroep) of alleen de vertrouwensgroep. Berichten komen niet bij je behandelaar of zorgaanbieder. Je kunt je eigen berichten verwijderen. In een crisis: bel 112, 113 Zelfmoordpreventie (0800-0113) of je huisarts.',
    },
    en: {
      q: 'Who reads my messages?',
      a: 'You choose before sending: "all connections" (basic rights and trust group) or the trust group only. Messages do not reach your practitioner or care provider. You can delete your own messages. In a crisis: call 112, 113 Suicide Prevention (0800-0113) or your GP.',
    },
  },
  {
    id: 'privacy',
    nl: {
      q: 'Wat doet Kring met mijn gegevens?',
      a: 'Je privacy staat voorop. Alleen de mensen aan wie jij toegang geeft, zien iets van je account, en alleen wat hun rechten toestaan. E-mails en sms’jes van Kring bevatten nooit de inhoud van je dossier of berichten, alleen dat er iets is, met een link. Kring is open source: iedereen kan nakijken hoe het werkt.',
    },
    en: {
      q: 'What does Kring do with my data?',
      a: 'Your privacy comes first. Only the people you give access see anything of your account, and only what their rights allow. E-mails and texts from Kring never contain your care file or messages, only that there is something new, with a link. Kring is open source: anyone can check how it works.',
    },
  },
  {
    id: 'toegangslog',
    nl: {
      q: 'Hoe zie ik wie mijn dossier heeft bekeken?',
      a: 'Als beheerder open je het toegangslog (na een sms-code). Daarin staat wie het dossier of de connecties opende, wie rechten veranderde en welke zorgaanbieders zijn gekoppeld, met datum en tijd. Je kunt filteren op periode. Het log kan niet worden aangepast.',
    },
    en: {
      q: 'How do I see who looked at my care file?',
      a: 'As manager, open the access log (after an SMS code). It lists who opened the care file or the connections, who changed rights and which care providers were linked, with date and time. You can filter by period. The log cannot be altered.',
    },
  },
  {
    id: 'stoppen',
    nl: {
      q: 'Hoe stop ik met Kring?',
      a: 'De beheerder kan het account ontkoppelen. Koppelingen met zorgaanbieders en connecties stoppen dan meteen. Nog 30 dagen kun je je berichten, notities en eigen afspraken lezen en bewaren; daarna worden ze verwijderd.',
    },
    en: {
      q: 'How do I stop using Kring?',
      a: 'The manager can deactivate the account. Links with care providers and connections end at once. For 30 more days you can read and export your messages, notes and own appointments; then they are deleted.',
    },
  },
  {
    id: 'waar-met-vragen',
    nl: {
      q: 'Waar kan ik terecht met mijn vraag?',
      a: 'Problemen met inloggen of Kring zelf: stel je vraag via deze hulpknop. Een ontbrekende of verlopen brief: het secretariaat van je zorgaanbieder. Vragen over je zorg: je behandelaar. In een crisis: 112, 113 Zelfmoordpreventie (0800-0113) of je huisarts.',
    },
    en: {
      q: 'Where can I go with my question?',
      a: 'Problems signing in or with Kring itself: ask through this help button. A missing or expired letter: your care provider’s secretariat. Questions about your care: your practitioner. In a crisis: 112, 113 Suicide Prevention (0800-0113) or your GP.',
    },
  },
];
