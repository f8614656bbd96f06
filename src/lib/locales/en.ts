/**
 * The English catalog: today's words of the dashboard, each its own id (ICU
 * MessageFormat where a message has values or plurals); the proxy's own
 * refusals by code (`error.<code>`, worded as the proxy words them), and a word
 * another language says otherwise in another place (`account.Verified`: a
 * bank account, where a verification's is feminine in French). Compiled
 * by `npm run gen:catalogs`.
 */
export const messages = {
  'Enter the first name': 'Enter the first name',
  'Enter the last name': 'Enter the last name',
  'Enter the email address': 'Enter the email address',
  'Enter a valid email address, like name@example.com':
    'Enter a valid email address, like name@example.com',
  'Something went wrong in the dashboard.': 'Something went wrong in the dashboard.',
  'Invalid value': 'Invalid value',
  'The server answered {status} without an explanation (code {code}).':
    'The server answered {status} without an explanation (code {code}).',
  'The server answered {status} without an explanation.':
    'The server answered {status} without an explanation.',
  'The dashboard server cannot be reached. Check your connection.':
    'The dashboard server cannot be reached. Check your connection.',
  'The server sent an answer that could not be read.':
    'The server sent an answer that could not be read.',
  'At most {max} characters': 'At most {max} characters',
  "Choose the customer's bank": "Choose the customer's bank",
  'Enter the name to look for': 'Enter the name to look for',
  'Account menu for {username}': 'Account menu for {username}',
  'Signed in as {username} ({role})': 'Signed in as {username} ({role})',
  Sessions: 'Sessions',
  'Sign out': 'Sign out',
  Language: 'Language',
  'Customers back-office': 'Customers back-office',
  Main: 'Main',
  Customers: 'Customers',
  Verifications: 'Verifications',
  Close: 'Close',
  'Dismiss this notice': 'Dismiss this notice',
  Copied: 'Copied',
  Cancel: 'Cancel',
  'Reference: {reference}': 'Reference: {reference}',
  'Copy the reference': 'Copy the reference',
  Retry: 'Retry',
  'Leave without saving?': 'Leave without saving?',
  'What you typed in this form will be lost.': 'What you typed in this form will be lost.',
  Stay: 'Stay',
  Leave: 'Leave',
  Previous: 'Previous',
  Next: 'Next',
  'Page {page}': 'Page {page}',
  'Page {page} of {last}': 'Page {page} of {last}',
  Provider: 'Provider',
  'Loading the banks of {country}…': 'Loading the banks of {country}…',
  'Loading…': 'Loading…',
  "The bank's provider id, e.g. cmcifrpp": "The bank's provider id, e.g. cmcifrpp",
  'The list of banks could not be loaded: type the provider id instead.':
    'The list of banks could not be loaded: type the provider id instead.',
  'No bank is listed for {country}: type the provider id instead.':
    'No bank is listed for {country}: type the provider id instead.',
  "The bank of the customer's account (from its BIC); type to choose another":
    "The bank of the customer's account (from its BIC); type to choose another",
  "The customer's bank, among the {count} of {country}: type a name or an id":
    "The customer's bank, among the {count} of {country}: type a name or an id",
  'No bank matches': 'No bank matches',
  'Choose the bank': 'Choose the bank',
  'Unknown error': 'Unknown error',
  'This page failed': 'This page failed',
  'The dashboard hit an error showing this page. Reloading usually helps.':
    'The dashboard hit an error showing this page. Reloading usually helps.',
  'Back to customers': 'Back to customers',
  'This device': 'This device',
  'Signed in {date}': 'Signed in {date}',
  'Last active {date}': 'Last active {date}',
  'End the session on {device}, last active {date}':
    'End the session on {device}, last active {date}',
  End: 'End',
  'Your sessions': 'Your sessions',
  'Where your account is signed in now. End a session you do not recognise: that device is signed out at once.':
    'Where your account is signed in now. End a session you do not recognise: that device is signed out at once.',
  'Loading your sessions…': 'Loading your sessions…',
  'Your sessions could not be loaded': 'Your sessions could not be loaded',
  'The session could not be ended': 'The session could not be ended',
  'Active sessions': 'Active sessions',
  'The session on {device} has ended.': 'The session on {device} has ended.',
  '{count, plural, one {# other session has ended.} other {# other sessions have ended.}}':
    '{count, plural, one {# other session has ended.} other {# other sessions have ended.}}',
  'End all other sessions': 'End all other sessions',
  'Sign out everywhere': 'Sign out everywhere',
  Verified: 'Verified',
  Unverified: 'Unverified',
  'The Fintecture API cannot be reached right now. What you see may be out of date; actions will work again once it is back.':
    'The Fintecture API cannot be reached right now. What you see may be out of date; actions will work again once it is back.',
  'The customer has no email address: copy the link and send it another way.':
    'The customer has no email address: copy the link and send it another way.',
  'Send by email': 'Send by email',
  'Link for the customer': 'Link for the customer',
  'The customer cancelled at their bank. They can still finish through the same link.':
    'The customer cancelled at their bank. They can still finish through the same link.',
  'Send this link to the customer: they choose their bank and confirm there; this page updates by itself.':
    'Send this link to the customer: they choose their bank and confirm there; this page updates by itself.',
  'Copy link': 'Copy link',
  Open: 'Open',
  '{count, plural, one {{formatted} customer} other {{formatted} customers}}':
    '{count, plural, one {{formatted} customer} other {{formatted} customers}}',
  'Index waiting for the Customers API': 'Index waiting for the Customers API',
  'Indexing… {percent}': 'Indexing… {percent}',
  'Index: {customers}, updating…': 'Index: {customers}, updating…',
  'Index: not built yet': 'Index: not built yet',
  'Index: {customers}, updated {ago}': 'Index: {customers}, updated {ago}',
  '{customers} customers, {accounts} bank accounts, {verifications} verifications':
    '{customers} customers, {accounts} bank accounts, {verifications} verifications',
  '{count} verifications being watched': '{count} verifications being watched',
  "{count} customers' details still to fetch": "{count} customers' details still to fetch",
  'Last error: {error}': 'Last error: {error}',
  '{who}: verification stale': '{who}: verification stale',
  '{who}: verification verified': '{who}: verification verified',
  '{who}: verification unverified': '{who}: verification unverified',
  '{who}: verification failed': '{who}: verification failed',
  '{who}: verification {status}': '{who}: verification {status}',
  'A customer': 'A customer',
  'Still pending after 24 hours; no longer checked.':
    'Still pending after 24 hours; no longer checked.',
  'Match score {score}': 'Match score {score}',
  'Open the verification': 'Open the verification',
  'Search failed: {reason}': 'Search failed: {reason}',
  'Searching…': 'Searching…',
  'No customer matches “{text}”.': 'No customer matches “{text}”.',
  'Search customers': 'Search customers',
  Searching: 'Searching',
  'Customers found': 'Customers found',
  Someone: 'Someone',
  'the bank account …{last4}': 'the bank account …{last4}',
  'a bank account': 'a bank account',
  '{who} tried to create the customer{refusal}': '{who} tried to create the customer{refusal}',
  '{who} created the customer': '{who} created the customer',
  '{who} tried to add {account}{refusal}': '{who} tried to add {account}{refusal}',
  '{who} added {account}': '{who} added {account}',
  ', expecting “{name}”': ', expecting “{name}”',
  '{who} tried to start a verification{expecting}{refusal}':
    '{who} tried to start a verification{expecting}{refusal}',
  '{who} started a verification{expecting}': '{who} started a verification{expecting}',
  ', match {score}': ', match {score}',
  'The verification resolved: {status}{score}': 'The verification resolved: {status}{score}',
  'The verification went stale: still pending after 24 hours of watching':
    'The verification went stale: still pending after 24 hours of watching',
  '{who} revealed the IBAN of {account}{refusal}': '{who} revealed the IBAN of {account}{refusal}',
  'Enter the IBAN': 'Enter the IBAN',
  'An IBAN has only letters and digits': 'An IBAN has only letters and digits',
  'An IBAN starts with a country code, e.g. FR': 'An IBAN starts with a country code, e.g. FR',
  '"{country}" is not the country code of an IBAN country':
    '"{country}" is not the country code of an IBAN country',
  'An IBAN from {country} has {expected} characters; this one has {length}':
    'An IBAN from {country} has {expected} characters; this one has {length}',
  'This is not the layout of an IBAN from {country}':
    'This is not the layout of an IBAN from {country}',
  'The check digits do not match: a character is probably mistyped':
    'The check digits do not match: a character is probably mistyped',
  'A BIC has 8 or 11 characters; this one has {length}':
    'A BIC has 8 or 11 characters; this one has {length}',
  'A BIC is 4 letters, a country code, 2 characters for the place and an optional branch':
    'A BIC is 4 letters, a country code, 2 characters for the place and an optional branch',
  'Use the provider id “{id}”': 'Use the provider id “{id}”',
  '“{name}”': '“{name}”',
  'the expected name': 'the expected name',
  'The provider has not answered yet; this page updates when it does.':
    'The provider has not answered yet; this page updates when it does.',
  'The customer cancelled at their bank. They can still finish through the same link; this page keeps checking.':
    'The customer cancelled at their bank. They can still finish through the same link; this page keeps checking.',
  'The provider never answered in the 24 hours the back-office watched it. Start a new verification.':
    'The provider never answered in the 24 hours the back-office watched it. Start a new verification.',
  'A holder name matched {expected} ({score}).': 'A holder name matched {expected} ({score}).',
  'A holder name matched {expected}.': 'A holder name matched {expected}.',
  "No holder name matched {expected} closely enough: the best match scored {score}. Check the spelling, or whether the account is in someone else's name.":
    "No holder name matched {expected} closely enough: the best match scored {score}. Check the spelling, or whether the account is in someone else's name.",
  "No holder name matched {expected} closely enough. Check the spelling, or whether the account is in someone else's name.":
    "No holder name matched {expected} closely enough. Check the spelling, or whether the account is in someone else's name.",
  'The customer has no bank account, so there was no holder name to compare. Add the account, then verify again.':
    'The customer has no bank account, so there was no holder name to compare. Add the account, then verify again.',
  'The provider could not check the names (no score). Try again, or through another provider.':
    'The provider could not check the names (no score). Try again, or through another provider.',
  'The provider gave a status this dashboard does not know; its own documentation says what it means. It is not final, so this page keeps checking for a change.':
    'The provider gave a status this dashboard does not know; its own documentation says what it means. It is not final, so this page keeps checking for a change.',
  Loading: 'Loading',
  'The activity could not be loaded': 'The activity could not be loaded',
  'Nothing recorded for this customer yet': 'Nothing recorded for this customer yet',
  'Activity, newest first': 'Activity, newest first',
  Customer: 'Customer',
  'This customer could not be loaded': 'This customer could not be loaded',
  ID: 'ID',
  'Copy customer ID': 'Copy customer ID',
  Overview: 'Overview',
  'Bank accounts': 'Bank accounts',
  Activity: 'Activity',
  'Already used by {name}': 'Already used by {name}',
  open: 'open',
  '. The Customers API decides when you create this one.':
    '. The Customers API decides when you create this one.',
  'Could not check whether another customer has this external ID.':
    'Could not check whether another customer has this external ID.',
  'A customer with this email already exists': 'A customer with this email already exists',
  '. You can still create this one if it is someone else.':
    '. You can still create this one if it is someone else.',
  'Customer created': 'Customer created',
  '{name} was added.': '{name} was added.',
  'New customer': 'New customer',
  'The customer was not created': 'The customer was not created',
  'Create customer': 'Create customer',
  'First name': 'First name',
  'Last name': 'Last name',
  Email: 'Email',
  Company: 'Company',
  Phone: 'Phone',
  'External ID': 'External ID',
  "The merchant's own reference; unique among customers":
    "The merchant's own reference; unique among customers",
  Created: 'Created',
  Address: 'Address',
  'Any status': 'Any status',
  'Not verified': 'Not verified',
  Unknown: 'Unknown',
  Name: 'Name',
  Status: 'Status',
  'No customer has this verification status': 'No customer has this verification status',
  'No customers yet': 'No customers yet',
  'No customer on this page matches the filter': 'No customer on this page matches the filter',
  'This page is empty': 'This page is empty',
  'Filter this page': 'Filter this page',
  'Filters the customers shown on this page only, by name, company, email, phone or external ID':
    'Filters the customers shown on this page only, by name, company, email, phone or external ID',
  'Type to filter': 'Type to filter',
  'Verification status': 'Verification status',
  'The latest verification of each customer': 'The latest verification of each customer',
  'The customers could not be loaded': 'The customers could not be loaded',
  'Rows per page': 'Rows per page',
  'Sign in': 'Sign in',
  Username: 'Username',
  Password: 'Password',
  'This page does not exist, or the link to it is wrong.':
    'This page does not exist, or the link to it is wrong.',
  'This customer does not exist, or the link to it is wrong.':
    'This customer does not exist, or the link to it is wrong.',
  'This bank account does not exist, or the link to it is wrong.':
    'This bank account does not exist, or the link to it is wrong.',
  'This verification does not exist, or the link to it is wrong.':
    'This verification does not exist, or the link to it is wrong.',
  'Not found': 'Not found',
  'No bank account': 'No bank account',
  'Names compared': 'Names compared',
  'Expected name': 'Expected name',
  'Not known: not started through the back-office':
    'Not known: not started through the back-office',
  'Account holders': 'Account holders',
  'The bank accounts could not be loaded': 'The bank accounts could not be loaded',
  'Best match score': 'Best match score',
  None: 'None',
  '← All verifications': '← All verifications',
  'This verification could not be loaded': 'This verification could not be loaded',
  'Match score': 'Match score',
  'Verified at': 'Verified at',
  Started: 'Started',
  ' by {agent}': ' by {agent}',
  ' (first seen: started outside the back-office)':
    ' (first seen: started outside the back-office)',
  'Verification ID': 'Verification ID',
  'Copy verification ID': 'Copy verification ID',
  'first seen': 'first seen',
  Score: 'Score',
  'Started by': 'Started by',
  Resolved: 'Resolved',
  'Match {score}': 'Match {score}',
  'no provider': 'no provider',
  'Started {at} by {agent}': 'Started {at} by {agent}',
  'First seen {at}': 'First seen {at}',
  ' · resolved {at}': ' · resolved {at}',
  'No verification matches these filters': 'No verification matches these filters',
  'No verification yet': 'No verification yet',
  '{count, plural, one {{formatted} verification, oldest first} other {{formatted} verifications, oldest first}}':
    '{count, plural, one {{formatted} verification, oldest first} other {{formatted} verifications, oldest first}}',
  '{count, plural, one {{formatted} verification, newest activity first} other {{formatted} verifications, newest activity first}}':
    '{count, plural, one {{formatted} verification, newest activity first} other {{formatted} verifications, newest activity first}}',
  'Export CSV': 'Export CSV',
  'Started within': 'Started within',
  'Any time': 'Any time',
  'Started by me': 'Started by me',
  'The verification queue could not be loaded': 'The verification queue could not be loaded',
  'The verification started. It stays pending until the customer confirms at their bank.':
    'The verification started. It stays pending until the customer confirms at their bank.',
  'See the verification': 'See the verification',
  Done: 'Done',
  'Verification started': 'Verification started',
  'Send the customer the link: they confirm at their bank.':
    'Send the customer the link: they confirm at their bank.',
  'It is pending; this page updates when it resolves.':
    'It is pending; this page updates when it resolves.',
  'The verification was not started': 'The verification was not started',
  'Start verification': 'Start verification',
  'The name to find among the account holders': 'The name to find among the account holders',
  '{at} by {agent}': '{at} by {agent}',
  '{at} (first seen)': '{at} (first seen)',
  'Started {when}': 'Started {when}',
  '{count, plural, one {# verification} other {# verifications}}':
    '{count, plural, one {# verification} other {# verifications}}',
  '{total}, {open} in progress (updating by itself)':
    '{total}, {open} in progress (updating by itself)',
  'The verifications could not be loaded': 'The verifications could not be loaded',
  Pending: 'Pending',
  Cancelled: 'Cancelled',
  Failed: 'Failed',
  Stale: 'Stale',
  'Last hour': 'Last hour',
  'Last 24 hours': 'Last 24 hours',
  'Last 7 days': 'Last 7 days',
  'Last 30 days': 'Last 30 days',
  agent: 'agent',
  viewer: 'viewer',
  refused: 'refused',
  failed: 'failed',
  'error.unauthenticated': 'Sign in to continue.',
  'error.forbidden': 'Your role does not allow this action.',
  'error.invalid_credentials': 'The username or password is wrong.',
  'error.csrf_refused':
    'This request needs the X-CSRF header and must come from the dashboard itself.',
  'error.too_many_requests': 'Too many requests: wait a moment, then try again.',
  'error.too_many_attempts': 'Too many sign-in attempts: wait a moment, then try again.',
  'error.upstream_unreachable': 'The Fintecture API cannot be reached; retry shortly.',
  'error.upstream_timeout': 'The Fintecture API did not answer in time; retry shortly.',
  'error.upstream_malformed': 'The Fintecture API answered with malformed JSON; retry shortly.',
  'error.upstream_refused_credentials':
    'The Fintecture API refused the application credentials (FINTECTURE_APP_ID / FINTECTURE_APP_SECRET).',
  'error.store_unavailable':
    "The dashboard's database cannot be reached right now; nothing was changed. Try again in a few seconds.",
  'error.idempotency_in_progress':
    'The same create is still being processed; retry in a moment to get its answer.',
  'error.session_not_found': 'This session has already ended.',
  'error.payload_too_large': 'The request body is too large.',
  'A phone number has at least six digits, an optional leading + and spaces, dots, dashes or brackets, e.g. +33 6 12 34 56 78.':
    'A phone number has at least six digits, an optional leading + and spaces, dots, dashes or brackets, e.g. +33 6 12 34 56 78.',
  'A provider id starts with a letter or a digit and has only letters, digits, dots, dashes and underscores, e.g. "bnp-paribas".':
    'A provider id starts with a letter or a digit and has only letters, digits, dots, dashes and underscores, e.g. "bnp-paribas".',
  "Enter the account holder's name": "Enter the account holder's name",
  'Choose a currency': 'Choose a currency',
  'Hide IBAN': 'Hide IBAN',
  'Show IBAN': 'Show IBAN',
  'Copy IBAN': 'Copy IBAN',
  'The IBAN could not be shown': 'The IBAN could not be shown',
  'Bank account added': 'Bank account added',
  'The account of {holder} was added.': 'The account of {holder} was added.',
  'The account was not added': 'The account was not added',
  'Add bank account': 'Add bank account',
  'Holder name': 'Holder name',
  Currency: 'Currency',
  'Details of the account of {holder}': 'Details of the account of {holder}',
  Details: 'Details',
  Holder: 'Holder',
  '{count, plural, one {# bank account} other {# bank accounts}}':
    '{count, plural, one {# bank account} other {# bank accounts}}',
  'No bank account yet': 'No bank account yet',
  '← All bank accounts': '← All bank accounts',
  'This bank account could not be loaded': 'This bank account could not be loaded',
  'Account ID': 'Account ID',
  'Copy account ID': 'Copy account ID',
  'account.Verified': 'Verified',
  'account.Unverified': 'Unverified',
  // The environment banner and the tabs' titles.
  'Sandbox (emulated, demo data)': 'Sandbox (emulated, demo data)',
  'Fintecture sandbox': 'Fintecture sandbox',
  Production: 'Production',
  'Custom API ({host})': 'Custom API ({host})',
  'Sandbox (emulated)': 'Sandbox (emulated)',
  Environment: 'Environment',
  'Bank account': 'Bank account',
  Verification: 'Verification',
  // Rough edges (issue 13): busy answers counted down, the viewer sent back from a create page.
  '{seconds, plural, one {# second} other {# seconds}}':
    '{seconds, plural, one {# second} other {# seconds}}',
  '{minutes, plural, one {# minute} other {# minutes}}':
    '{minutes, plural, one {# minute} other {# minutes}}',
  '{first} and {second}': '{first} and {second}',
  'Trying again now…': 'Trying again now…',
  'The dashboard server is busy; trying again in {duration}':
    'The dashboard server is busy; trying again in {duration}',
  'The Fintecture API is busy; trying again in {duration}':
    'The Fintecture API is busy; trying again in {duration}',
  'Only agents can create customers; your role is {role}.':
    'Only agents can create customers; your role is {role}.',
  // Keyboard shortcuts, skeletons, copy buttons and the address (issue 13).
  'Go to the customers': 'Go to the customers',
  'Go to the verification queue': 'Go to the verification queue',
  'Show the keyboard shortcuts': 'Show the keyboard shortcuts',
  then: 'then',
  or: 'or',
  'Keyboard shortcuts': 'Keyboard shortcuts',
  'Close a dialog or the search results': 'Close a dialog or the search results',
  'Shortcuts do nothing while you type in a field or while a dialog is open.':
    'Shortcuts do nothing while you type in a field or while a dialog is open.',
  'Keyboard shortcuts (?)': 'Keyboard shortcuts (?)',
  'Copy email': 'Copy email',
  'Copy phone': 'Copy phone',
  'Copy external ID': 'Copy external ID',
  'No address yet. Addresses are recorded by Fintecture; they cannot be entered here.':
    'No address yet. Addresses are recorded by Fintecture; they cannot be entered here.',
  'Recorded by Fintecture; it cannot be entered or edited here.':
    'Recorded by Fintecture; it cannot be entered or edited here.',
  Esc: 'Esc',
  // Dark mode (issue 13): the user menu's theme.
  Theme: 'Theme',
  System: 'System',
  Light: 'Light',
  Dark: 'Dark',
  // Onboarding (issue 13): the customer's progress, its next action, the dialogs' discard question.
  'Discard what you typed?': 'Discard what you typed?',
  'Keep editing': 'Keep editing',
  Discard: 'Discard',
  Onboarding: 'Onboarding',
  'Created {date}': 'Created {date}',
  'Bank account: {count, plural, one {# account} other {# accounts}}':
    'Bank account: {count, plural, one {# account} other {# accounts}}',
  'Bank account: to do': 'Bank account: to do',
  'Verification started ({status})': 'Verification started ({status})',
  'Verified {date}': 'Verified {date}',
  'Verification: to do': 'Verification: to do',
  'Verified: pending': 'Verified: pending',
  'Not verified: start again': 'Not verified: start again',
  'Verified: not yet': 'Verified: not yet',
  'Add a bank account': 'Add a bank account',
  'Start a new verification': 'Start a new verification',
  // Review of issue 13: the queue's details link, the onboarding action's name.
  'Details of the verification of {name}': 'Details of the verification of {name}',
  'Next step: {action}': 'Next step: {action}',
  // Sessions: the device's name in the language in use.
  'Unknown device': 'Unknown device',
  '{browser} on {system}': '{browser} on {system}',
};
