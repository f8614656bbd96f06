import type { messages as english } from './en';

/**
 * The French catalog, as a French support team writes (vouvoiement; a
 * non-breaking space before « : ; ? ! »). Every id of the English catalog, and
 * only those: the type holds it, and src/lib/i18n.test.ts too.
 */
export const messages: Record<keyof typeof english, string> = {
  'Enter the first name': 'Saisissez le prénom',
  'Enter the last name': 'Saisissez le nom',
  'Enter the email address': "Saisissez l'adresse e-mail",
  'Enter a valid email address, like name@example.com':
    'Saisissez une adresse e-mail valide, par ex. nom@exemple.com',
  'Something went wrong in the dashboard.': 'Une erreur est survenue dans le tableau de bord.',
  'Invalid value': 'Valeur non valide',
  'The server answered {status} without an explanation (code {code}).':
    'Le serveur a répondu {status} sans explication (code {code}).',
  'The server answered {status} without an explanation.':
    'Le serveur a répondu {status} sans explication.',
  'The dashboard server cannot be reached. Check your connection.':
    'Le serveur du tableau de bord est injoignable. Vérifiez votre connexion.',
  'The server sent an answer that could not be read.': 'Le serveur a envoyé une réponse illisible.',
  'At most {max} characters': '{max} caractères au maximum',
  "Choose the customer's bank": 'Choisissez la banque du client',
  'Enter the name to look for': 'Saisissez le nom à rechercher',
  'Account menu for {username}': 'Menu du compte de {username}',
  'Signed in as {username} ({role})': 'Connecté en tant que {username} ({role})',
  Sessions: 'Sessions',
  'Sign out': 'Se déconnecter',
  Language: 'Langue',
  'Customers back-office': 'Back-office clients',
  Main: 'Principale',
  Customers: 'Clients',
  Verifications: 'Vérifications',
  Close: 'Fermer',
  'Dismiss this notice': 'Masquer cet avis',
  Copied: 'Copié',
  Cancel: 'Annuler',
  'Reference: {reference}': 'Référence\u00a0: {reference}',
  'Copy the reference': 'Copier la référence',
  Retry: 'Réessayer',
  'Leave without saving?': 'Quitter sans enregistrer\u202f?',
  'What you typed in this form will be lost.':
    'Ce que vous avez saisi dans ce formulaire sera perdu.',
  Stay: 'Rester',
  Leave: 'Quitter',
  Previous: 'Précédent',
  Next: 'Suivant',
  'Page {page}': 'Page {page}',
  'Page {page} of {last}': 'Page {page} sur {last}',
  Provider: 'Banque (fournisseur)',
  'Loading the banks of {country}…': 'Chargement des banques de {country}…',
  'Loading…': 'Chargement…',
  "The bank's provider id, e.g. cmcifrpp":
    "L'identifiant de fournisseur de la banque, par ex. cmcifrpp",
  'The list of banks could not be loaded: type the provider id instead.':
    "La liste des banques n'a pas pu être chargée\u00a0: saisissez plutôt l'identifiant du fournisseur.",
  'No bank is listed for {country}: type the provider id instead.':
    "Aucune banque n'est listée pour {country}\u00a0: saisissez plutôt l'identifiant du fournisseur.",
  "The bank of the customer's account (from its BIC); type to choose another":
    "La banque du compte du client (d'après son BIC)\u202f; tapez pour en choisir une autre",
  "The customer's bank, among the {count} of {country}: type a name or an id":
    'La banque du client, parmi les {count} banques listées pour {country}\u00a0: tapez un nom ou un identifiant',
  'No bank matches': 'Aucune banque ne correspond',
  'Choose the bank': 'Choisissez la banque',
  'Unknown error': 'Erreur inconnue',
  'This page failed': "Cette page n'a pas pu s'afficher",
  'The dashboard hit an error showing this page. Reloading usually helps.':
    'Le tableau de bord a rencontré une erreur en affichant cette page. Recharger la page suffit en général.',
  'Back to customers': 'Retour aux clients',
  'This device': 'Cet appareil',
  'Signed in {date}': 'Connecté le {date}',
  'Last active {date}': 'Dernière activité le {date}',
  'End the session on {device}, last active {date}':
    'Mettre fin à la session sur {device}, dernière activité le {date}',
  End: 'Terminer',
  'Your sessions': 'Vos sessions',
  'Where your account is signed in now. End a session you do not recognise: that device is signed out at once.':
    'Les appareils où votre compte est connecté en ce moment. Mettez fin à toute session que vous ne reconnaissez pas\u00a0: cet appareil est déconnecté immédiatement.',
  'Loading your sessions…': 'Chargement de vos sessions…',
  'Your sessions could not be loaded': "Vos sessions n'ont pas pu être chargées",
  'The session could not be ended': 'Impossible de mettre fin à la session',
  'Active sessions': 'Sessions actives',
  'The session on {device} has ended.': 'La session sur {device} est terminée.',
  '{count, plural, one {# other session has ended.} other {# other sessions have ended.}}':
    '{count, plural, one {# autre session est terminée.} other {# autres sessions sont terminées.}}',
  'End all other sessions': 'Mettre fin aux autres sessions',
  'Sign out everywhere': 'Se déconnecter partout',
  Verified: 'Vérifiée',
  Unverified: 'Non concordante',
  'The Fintecture API cannot be reached right now. What you see may be out of date; actions will work again once it is back.':
    "L'API Fintecture est injoignable pour le moment. Les informations affichées peuvent ne pas être à jour\u202f; les actions fonctionneront de nouveau dès son retour.",
  'The customer has no email address: copy the link and send it another way.':
    "Le client n'a pas d'adresse e-mail\u00a0: copiez le lien et envoyez-le par un autre moyen.",
  'Send by email': 'Envoyer par e-mail',
  'Link for the customer': 'Lien pour le client',
  'The customer cancelled at their bank. They can still finish through the same link.':
    'Le client a annulé auprès de sa banque. Il peut encore terminer avec le même lien.',
  'Send this link to the customer: they choose their bank and confirm there; this page updates by itself.':
    "Envoyez ce lien au client\u00a0: il choisit sa banque et y confirme\u202f; cette page se met à jour d'elle-même.",
  'Copy link': 'Copier le lien',
  Open: 'Ouvrir',
  '{count, plural, one {{formatted} customer} other {{formatted} customers}}':
    '{count, plural, one {{formatted} client} other {{formatted} clients}}',
  'Index waiting for the Customers API': "Index en attente de l'API Customers",
  'Indexing… {percent}': 'Indexation… {percent}',
  'Index: {customers}, updating…': 'Index\u00a0: {customers}, mise à jour…',
  'Index: not built yet': 'Index\u00a0: pas encore construit',
  'Index: {customers}, updated {ago}': 'Index\u00a0: {customers}, mis à jour {ago}',
  '{customers} customers, {accounts} bank accounts, {verifications} verifications':
    '{customers} clients, {accounts} comptes bancaires, {verifications} vérifications',
  '{count} verifications being watched': '{count} vérifications surveillées',
  "{count} customers' details still to fetch": '{count} fiches client encore à récupérer',
  'Last error: {error}': 'Dernière erreur\u00a0: {error}',
  '{who}: verification stale': '{who}\u00a0: vérification sans réponse',
  '{who}: verification verified': '{who}\u00a0: vérification réussie',
  '{who}: verification unverified': '{who}\u00a0: vérification non concluante',
  '{who}: verification failed': '{who}\u00a0: vérification échouée',
  '{who}: verification {status}': '{who}\u00a0: vérification {status}',
  'A customer': 'Un client',
  'Still pending after 24 hours; no longer checked.':
    'Toujours en attente après 24 heures\u202f; plus surveillée.',
  'Match score {score}': 'Score de correspondance {score}',
  'Open the verification': 'Ouvrir la vérification',
  'Search failed: {reason}': 'La recherche a échoué\u00a0: {reason}',
  'Searching…': 'Recherche…',
  'No customer matches “{text}”.': 'Aucun client ne correspond à «\u00a0{text}\u00a0».',
  'Search customers': 'Rechercher des clients',
  Searching: 'Recherche en cours',
  'Customers found': 'Clients trouvés',
  Someone: "Quelqu'un",
  'the bank account …{last4}': 'le compte bancaire …{last4}',
  'a bank account': 'un compte bancaire',
  '{who} tried to create the customer{refusal}': '{who} a tenté de créer le client{refusal}',
  '{who} created the customer': '{who} a créé le client',
  '{who} tried to add {account}{refusal}': '{who} a tenté d’ajouter {account}{refusal}',
  '{who} added {account}': '{who} a ajouté {account}',
  ', expecting “{name}”': ', nom attendu «\u00a0{name}\u00a0»',
  '{who} tried to start a verification{expecting}{refusal}':
    '{who} a tenté de lancer une vérification{expecting}{refusal}',
  '{who} started a verification{expecting}': '{who} a lancé une vérification{expecting}',
  ', match {score}': ', correspondance {score}',
  'The verification resolved: {status}{score}': 'La vérification a abouti\u00a0: {status}{score}',
  'The verification went stale: still pending after 24 hours of watching':
    'La vérification est restée sans réponse\u00a0: toujours en attente après 24 heures de surveillance',
  '{who} revealed the IBAN of {account}{refusal}':
    '{who} a affiché l’IBAN\u00a0: {account}{refusal}',
  'Enter the IBAN': "Saisissez l'IBAN",
  'An IBAN has only letters and digits': 'Un IBAN ne contient que des lettres et des chiffres',
  'An IBAN starts with a country code, e.g. FR': 'Un IBAN commence par un code pays, par ex. FR',
  '"{country}" is not the country code of an IBAN country':
    "«\u00a0{country}\u00a0» n'est pas le code d'un pays utilisant l'IBAN",
  'An IBAN from {country} has {expected} characters; this one has {length}':
    'Un IBAN de {country} compte {expected} caractères\u202f; celui-ci en compte {length}',
  'This is not the layout of an IBAN from {country}':
    "Ce n'est pas le format d'un IBAN de {country}",
  'The check digits do not match: a character is probably mistyped':
    'La clé de contrôle ne correspond pas\u00a0: un caractère est probablement mal saisi',
  'A BIC has 8 or 11 characters; this one has {length}':
    'Un BIC compte 8 ou 11 caractères\u202f; celui-ci en compte {length}',
  'A BIC is 4 letters, a country code, 2 characters for the place and an optional branch':
    "Un BIC se compose de 4 lettres, d'un code pays, de 2 caractères pour la ville et d'un code agence facultatif",
  'Use the provider id “{id}”': "Utiliser l'identifiant de fournisseur «\u00a0{id}\u00a0»",
  '“{name}”': '«\u00a0{name}\u00a0»',
  'the expected name': 'le nom attendu',
  'The provider has not answered yet; this page updates when it does.':
    "Le fournisseur n'a pas encore répondu\u202f; cette page se mettra à jour dès sa réponse.",
  'The customer cancelled at their bank. They can still finish through the same link; this page keeps checking.':
    'Le client a annulé auprès de sa banque. Il peut encore terminer avec le même lien\u202f; cette page continue de vérifier.',
  'The provider never answered in the 24 hours the back-office watched it. Start a new verification.':
    "Le fournisseur n'a jamais répondu pendant les 24 heures de surveillance du back-office. Lancez une nouvelle vérification.",
  'A holder name matched {expected} ({score}).':
    'Un nom de titulaire correspond à {expected} ({score}).',
  'A holder name matched {expected}.': 'Un nom de titulaire correspond à {expected}.',
  "No holder name matched {expected} closely enough: the best match scored {score}. Check the spelling, or whether the account is in someone else's name.":
    "Aucun nom de titulaire ne correspond suffisamment à {expected}\u00a0: la meilleure correspondance obtient {score}. Vérifiez l'orthographe, ou si le compte est au nom d'une autre personne.",
  "No holder name matched {expected} closely enough. Check the spelling, or whether the account is in someone else's name.":
    "Aucun nom de titulaire ne correspond suffisamment à {expected}. Vérifiez l'orthographe, ou si le compte est au nom d'une autre personne.",
  'The customer has no bank account, so there was no holder name to compare. Add the account, then verify again.':
    "Le client n'a aucun compte bancaire\u00a0: il n'y avait aucun nom de titulaire à comparer. Ajoutez le compte, puis relancez la vérification.",
  'The provider could not check the names (no score). Try again, or through another provider.':
    "Le fournisseur n'a pas pu comparer les noms (aucun score). Réessayez, ou passez par un autre fournisseur.",
  'The provider gave a status this dashboard does not know; its own documentation says what it means. It is not final, so this page keeps checking for a change.':
    "Le fournisseur a renvoyé un statut que ce tableau de bord ne connaît pas\u202f; sa propre documentation en donne le sens. Ce statut n'est pas définitif\u00a0: cette page continue de surveiller tout changement.",
  Loading: 'Chargement',
  'The activity could not be loaded': "L'activité n'a pas pu être chargée",
  'Nothing recorded for this customer yet': "Rien n'a encore été enregistré pour ce client",
  'Activity, newest first': 'Activité, de la plus récente à la plus ancienne',
  Customer: 'Client',
  'This customer could not be loaded': "Ce client n'a pas pu être chargé",
  ID: 'ID',
  'Copy customer ID': "Copier l'ID du client",
  Overview: "Vue d'ensemble",
  'Bank accounts': 'Comptes bancaires',
  Activity: 'Activité',
  'Already used by {name}': 'Déjà utilisé par {name}',
  open: 'ouvrir',
  '. The Customers API decides when you create this one.':
    ". L'API Customers tranchera à la création de celui-ci.",
  'Could not check whether another customer has this external ID.':
    'Impossible de vérifier si un autre client a cet ID externe.',
  'A customer with this email already exists': 'Un client avec cette adresse e-mail existe déjà',
  '. You can still create this one if it is someone else.':
    ". Vous pouvez tout de même créer celui-ci s'il s'agit d'une autre personne.",
  'Customer created': 'Client créé',
  '{name} was added.': '{name} a été ajouté.',
  'New customer': 'Nouveau client',
  'The customer was not created': "Le client n'a pas été créé",
  'Create customer': 'Créer le client',
  'First name': 'Prénom',
  'Last name': 'Nom',
  Email: 'E-mail',
  Company: 'Société',
  Phone: 'Téléphone',
  'External ID': 'ID externe',
  "The merchant's own reference; unique among customers":
    'La référence propre au marchand\u202f; unique parmi les clients',
  Created: 'Créé le',
  Address: 'Adresse',
  'Any status': 'Tous les statuts',
  'Not verified': 'Non vérifié',
  Unknown: 'Inconnu',
  Name: 'Nom',
  Status: 'Statut',
  'No customer has this verification status': "Aucun client n'a ce statut de vérification",
  'No customers yet': "Aucun client pour l'instant",
  'No customer on this page matches the filter':
    'Aucun client de cette page ne correspond au filtre',
  'This page is empty': 'Cette page est vide',
  'Filter this page': 'Filtrer cette page',
  'Filters the customers shown on this page only, by name, company, email, phone or external ID':
    'Filtre uniquement les clients affichés sur cette page, par nom, société, e-mail, téléphone ou ID externe',
  'Type to filter': 'Tapez pour filtrer',
  'Verification status': 'Statut de vérification',
  'The latest verification of each customer': 'La dernière vérification de chaque client',
  'The customers could not be loaded': "Les clients n'ont pas pu être chargés",
  'Rows per page': 'Lignes par page',
  'Sign in': 'Connexion',
  Username: "Nom d'utilisateur",
  Password: 'Mot de passe',
  'This page does not exist, or the link to it is wrong.':
    "Cette page n'existe pas, ou le lien qui y mène est erroné.",
  'This customer does not exist, or the link to it is wrong.':
    "Ce client n'existe pas, ou le lien qui y mène est erroné.",
  'This bank account does not exist, or the link to it is wrong.':
    "Ce compte bancaire n'existe pas, ou le lien qui y mène est erroné.",
  'This verification does not exist, or the link to it is wrong.':
    "Cette vérification n'existe pas, ou le lien qui y mène est erroné.",
  'Not found': 'Introuvable',
  'No bank account': 'Aucun compte bancaire',
  'Names compared': 'Noms comparés',
  'Expected name': 'Nom attendu',
  'Not known: not started through the back-office':
    'Inconnu\u00a0: vérification non lancée depuis le back-office',
  'Account holders': 'Titulaires des comptes',
  'The bank accounts could not be loaded': "Les comptes bancaires n'ont pas pu être chargés",
  'Best match score': 'Meilleur score de correspondance',
  None: 'Aucun',
  '← All verifications': '← Toutes les vérifications',
  'This verification could not be loaded': "Cette vérification n'a pas pu être chargée",
  'Match score': 'Score de correspondance',
  'Verified at': 'Vérifiée le',
  Started: 'Lancée',
  ' by {agent}': ' par {agent}',
  ' (first seen: started outside the back-office)':
    ' (première détection\u00a0: lancée hors du back-office)',
  'Verification ID': 'ID de la vérification',
  'Copy verification ID': "Copier l'ID de la vérification",
  'first seen': 'première détection',
  Score: 'Score',
  'Started by': 'Lancée par',
  Resolved: 'Aboutie le',
  'Match {score}': 'Correspondance {score}',
  'no provider': 'aucun fournisseur',
  'Started {at} by {agent}': 'Lancée le {at} par {agent}',
  'First seen {at}': 'Détectée le {at}',
  ' · resolved {at}': ' · aboutie le {at}',
  'No verification matches these filters': 'Aucune vérification ne correspond à ces filtres',
  'No verification yet': "Aucune vérification pour l'instant",
  '{count, plural, one {{formatted} verification, oldest first} other {{formatted} verifications, oldest first}}':
    '{count, plural, one {{formatted} vérification, la plus ancienne en premier} other {{formatted} vérifications, les plus anciennes en premier}}',
  '{count, plural, one {{formatted} verification, newest activity first} other {{formatted} verifications, newest activity first}}':
    '{count, plural, one {{formatted} vérification, activité la plus récente en premier} other {{formatted} vérifications, activité la plus récente en premier}}',
  'Export CSV': 'Exporter en CSV',
  'Started within': 'Lancées depuis',
  'Any time': 'Toute période',
  'Started by me': 'Lancées par moi',
  'The verification queue could not be loaded': "La file des vérifications n'a pas pu être chargée",
  'The verification started. It stays pending until the customer confirms at their bank.':
    "La vérification est lancée. Elle reste en attente jusqu'à ce que le client confirme auprès de sa banque.",
  'See the verification': 'Voir la vérification',
  Done: 'Terminé',
  'Verification started': 'Vérification lancée',
  'Send the customer the link: they confirm at their bank.':
    'Envoyez le lien au client\u00a0: il confirme auprès de sa banque.',
  'It is pending; this page updates when it resolves.':
    "Elle est en attente\u202f; cette page se met à jour dès qu'elle aboutit.",
  'The verification was not started': "La vérification n'a pas été lancée",
  'Start verification': 'Lancer une vérification',
  'The name to find among the account holders':
    'Le nom à retrouver parmi les titulaires des comptes',
  '{at} by {agent}': '{at} par {agent}',
  '{at} (first seen)': '{at} (première détection)',
  'Started {when}': 'Lancée\u00a0: {when}',
  '{count, plural, one {# verification} other {# verifications}}':
    '{count, plural, one {# vérification} other {# vérifications}}',
  '{total}, {open} in progress (updating by itself)':
    '{total}, {open} en cours (mise à jour automatique)',
  'The verifications could not be loaded': "Les vérifications n'ont pas pu être chargées",
  Pending: 'En attente',
  Cancelled: 'Annulée',
  Failed: 'Échouée',
  Stale: 'Sans réponse',
  'Last hour': 'Dernière heure',
  'Last 24 hours': 'Dernières 24 heures',
  'Last 7 days': '7 derniers jours',
  'Last 30 days': '30 derniers jours',
  agent: 'agent',
  viewer: 'lecteur',
  refused: 'refusé',
  failed: 'échec',
  'error.unauthenticated': 'Connectez-vous pour continuer.',
  'error.forbidden': 'Votre rôle ne permet pas cette action.',
  'error.invalid_credentials': "Le nom d'utilisateur ou le mot de passe est incorrect.",
  'error.csrf_refused':
    "Cette requête doit porter l'en-tête X-CSRF et venir du tableau de bord lui-même.",
  'error.too_many_requests': 'Trop de requêtes\u00a0: patientez un instant, puis réessayez.',
  'error.too_many_attempts':
    'Trop de tentatives de connexion\u00a0: patientez un instant, puis réessayez.',
  'error.upstream_unreachable':
    "L'API Fintecture est injoignable\u202f; réessayez dans un instant.",
  'error.upstream_timeout':
    "L'API Fintecture n'a pas répondu à temps\u202f; réessayez dans un instant.",
  'error.upstream_malformed':
    "L'API Fintecture a renvoyé un JSON invalide\u202f; réessayez dans un instant.",
  'error.upstream_refused_credentials':
    "L'API Fintecture a refusé les identifiants de l'application (FINTECTURE_APP_ID / FINTECTURE_APP_SECRET).",
  'error.store_unavailable':
    "La base de données du tableau de bord est injoignable pour le moment\u202f; rien n'a été modifié. Réessayez dans quelques secondes.",
  'error.idempotency_in_progress':
    'La même création est encore en cours de traitement\u202f; réessayez dans un instant pour obtenir sa réponse.',
  'error.session_not_found': 'Cette session est déjà terminée.',
  'error.payload_too_large': 'Le corps de la requête est trop volumineux.',
  'A phone number has at least six digits, an optional leading + and spaces, dots, dashes or brackets, e.g. +33 6 12 34 56 78.':
    'Un numéro de téléphone compte au moins six chiffres, avec un + initial facultatif et des espaces, points, tirets ou parenthèses, par ex. +33 6 12 34 56 78.',
  'A provider id starts with a letter or a digit and has only letters, digits, dots, dashes and underscores, e.g. "bnp-paribas".':
    'Un identifiant de fournisseur commence par une lettre ou un chiffre et ne contient que des lettres, chiffres, points, tirets et tirets bas, par ex. «\u00a0bnp-paribas\u00a0».',
  "Enter the account holder's name": 'Saisissez le nom du titulaire du compte',
  'Choose a currency': 'Choisissez une devise',
  'Hide IBAN': "Masquer l'IBAN",
  'Show IBAN': "Afficher l'IBAN",
  'Copy IBAN': "Copier l'IBAN",
  'The IBAN could not be shown': "L'IBAN n'a pas pu être affiché",
  'Bank account added': 'Compte bancaire ajouté',
  'The account of {holder} was added.': 'Le compte de {holder} a été ajouté.',
  'The account was not added': "Le compte n'a pas été ajouté",
  'Add bank account': 'Ajouter un compte bancaire',
  'Holder name': 'Nom du titulaire',
  Currency: 'Devise',
  'Details of the account of {holder}': 'Détails du compte de {holder}',
  Details: 'Détails',
  Holder: 'Titulaire',
  '{count, plural, one {# bank account} other {# bank accounts}}':
    '{count, plural, one {# compte bancaire} other {# comptes bancaires}}',
  'No bank account yet': "Aucun compte bancaire pour l'instant",
  '← All bank accounts': '← Tous les comptes bancaires',
  'This bank account could not be loaded': "Ce compte bancaire n'a pas pu être chargé",
  'Account ID': 'ID du compte',
  'Copy account ID': "Copier l'ID du compte",
  'account.Verified': 'Vérifié',
  'account.Unverified': 'Non vérifié',
  // The environment banner and the tabs' titles.
  'Sandbox (emulated, demo data)': 'Sandbox (émulé, données de démonstration)',
  'Fintecture sandbox': 'Sandbox Fintecture',
  Production: 'Production',
  'Custom API ({host})': 'API personnalisée ({host})',
  'Sandbox (emulated)': 'Sandbox (émulé)',
  Environment: 'Environnement',
  'Bank account': 'Compte bancaire',
  Verification: 'Vérification',
  // Rough edges (issue 13): busy answers counted down, the viewer sent back from a create page.
  '{seconds, plural, one {# second} other {# seconds}}':
    '{seconds, plural, one {# seconde} other {# secondes}}',
  '{minutes, plural, one {# minute} other {# minutes}}':
    '{minutes, plural, one {# minute} other {# minutes}}',
  '{first} and {second}': '{first} et {second}',
  'Trying again now…': 'Nouvel essai en cours…',
  'The dashboard server is busy; trying again in {duration}':
    'Le serveur du tableau de bord est saturé\u202f; nouvel essai dans {duration}',
  'The Fintecture API is busy; trying again in {duration}':
    "L'API Fintecture est saturée\u202f; nouvel essai dans {duration}",
  'Only agents can create customers; your role is {role}.':
    'Seuls les agents peuvent créer des clients\u202f; votre rôle est {role}.',
  // Keyboard shortcuts, skeletons, copy buttons and the address (issue 13).
  'Go to the customers': 'Aller aux clients',
  'Go to the verification queue': 'Aller à la file des vérifications',
  'Show the keyboard shortcuts': 'Afficher les raccourcis clavier',
  then: 'puis',
  or: 'ou',
  'Keyboard shortcuts': 'Raccourcis clavier',
  'Close a dialog or the search results': 'Fermer une fenêtre ou les résultats de recherche',
  'Shortcuts do nothing while you type in a field or while a dialog is open.':
    'Les raccourcis sont sans effet pendant la saisie dans un champ ou quand une fenêtre est ouverte.',
  'Keyboard shortcuts (?)': 'Raccourcis clavier (?)',
  'Copy email': "Copier l'e-mail",
  'Copy phone': 'Copier le téléphone',
  'Copy external ID': "Copier l'ID externe",
  'No address yet. Addresses are recorded by Fintecture; they cannot be entered here.':
    "Pas encore d'adresse. Les adresses sont enregistrées par Fintecture\u202f; elles ne peuvent pas être saisies ici.",
  'Recorded by Fintecture; it cannot be entered or edited here.':
    'Enregistrée par Fintecture\u202f; elle ne peut être ni saisie ni modifiée ici.',
  Esc: 'Échap',
  // Dark mode (issue 13): the user menu's theme.
  Theme: 'Thème',
  System: 'Système',
  Light: 'Clair',
  Dark: 'Sombre',
  // Onboarding (issue 13): the customer's progress, its next action, the dialogs' discard question.
  'Discard what you typed?': 'Abandonner votre saisie\u202f?',
  'Keep editing': 'Continuer la saisie',
  Discard: 'Abandonner',
  Onboarding: 'Entrée en relation',
  'Created {date}': 'Créé le {date}',
  'Bank account: {count, plural, one {# account} other {# accounts}}':
    'Compte bancaire\u202f: {count, plural, one {# compte} other {# comptes}}',
  'Bank account: to do': 'Compte bancaire\u202f: à ajouter',
  'Verification started ({status})': 'Vérification lancée ({status})',
  'Verified {date}': 'Vérifié le {date}',
  'Verification: to do': 'Vérification\u202f: à lancer',
  'Verified: pending': 'Vérifié\u202f: en attente',
  'Not verified: start again': 'Non vérifié\u202f: à relancer',
  'Verified: not yet': 'Vérifié\u202f: pas encore',
  'Add a bank account': 'Ajouter un compte bancaire',
  'Start a new verification': 'Lancer une nouvelle vérification',
  // Review of issue 13: the queue's details link, the onboarding action's name.
  'Details of the verification of {name}': 'Détails de la vérification de {name}',
  'Next step: {action}': 'Étape suivante\u00a0: {action}',
  // Sessions: the device's name in the language in use.
  'Unknown device': 'Appareil inconnu',
  '{browser} on {system}': '{browser} sous {system}',
};
