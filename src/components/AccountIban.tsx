import { useOutletContext } from 'react-router';
import { useCanCreate } from '../api/auth';
import { revealIban, type BankAccount } from '../api/bankAccounts';
import type { Customer } from '../api/customers';
import { IbanText } from './IbanText';

/**
 * A bank account's IBAN as the lists give it (masked): an agent's Show reads
 * the one account (the audited Reveal), a viewer has none. Inside a customer's
 * pages (the customer comes from the outlet context).
 */
export function AccountIban({ account }: { account: BankAccount }) {
  const customer = useOutletContext<Customer>();
  const isAgent = useCanCreate();
  return (
    <IbanText
      iban={account.iban ?? ''}
      masked={account.iban_masked}
      reveal={isAgent ? () => revealIban(customer.id!, account.id!) : undefined}
    />
  );
}
