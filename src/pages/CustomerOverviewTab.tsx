import { useOutletContext } from 'react-router';
import type { Customer } from '../api/customers';
import { CustomerDetails } from '../components/CustomerDetails';

export function CustomerOverviewTab() {
  return <CustomerDetails customer={useOutletContext<Customer>()} />;
}
