import { createBrowserRouter, Navigate } from 'react-router';
import { RouteError } from '../components/RouteError';
import { AppLayout } from './AppLayout';
import { RequireAgentRole, RequireSignIn } from './RequireSignIn';

/** Routes, each page in its own chunk; every route has its error boundary. */
export const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: <RouteError />,
    lazy: () => import('../pages/LoginPage').then((m) => ({ Component: m.LoginPage })),
  },
  {
    element: <RequireSignIn />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/customers" replace /> },
          {
            path: 'customers',
            errorElement: <RouteError />,
            lazy: () =>
              import('../pages/CustomersListPage').then((m) => ({
                Component: m.CustomersListPage,
              })),
          },
          {
            path: 'verifications',
            errorElement: <RouteError />,
            lazy: () =>
              import('../pages/VerificationQueuePage').then((m) => ({
                Component: m.VerificationQueuePage,
              })),
          },
          {
            element: <RequireAgentRole />,
            children: [
              {
                path: 'customers/new',
                errorElement: <RouteError />,
                lazy: () =>
                  import('../pages/CustomerNewPage').then((m) => ({
                    Component: m.CustomerNewPage,
                  })),
              },
            ],
          },
          {
            path: 'customers/:customerId',
            errorElement: <RouteError />,
            lazy: () =>
              import('../pages/CustomerLayout').then((m) => ({ Component: m.CustomerLayout })),
            children: [
              {
                index: true,
                errorElement: <RouteError />,
                lazy: () =>
                  import('../pages/CustomerOverviewTab').then((m) => ({
                    Component: m.CustomerOverviewTab,
                  })),
              },
              {
                path: 'bank-accounts',
                errorElement: <RouteError />,
                lazy: () =>
                  import('../pages/BankAccountsTab').then((m) => ({
                    Component: m.BankAccountsTab,
                  })),
              },
              {
                path: 'bank-accounts/:accountId',
                errorElement: <RouteError />,
                lazy: () =>
                  import('../pages/BankAccountPage').then((m) => ({
                    Component: m.BankAccountPage,
                  })),
              },
              {
                path: 'verifications',
                errorElement: <RouteError />,
                lazy: () =>
                  import('../pages/VerificationsTab').then((m) => ({
                    Component: m.VerificationsTab,
                  })),
              },
              {
                path: 'activity',
                errorElement: <RouteError />,
                lazy: () =>
                  import('../pages/ActivityTab').then((m) => ({ Component: m.ActivityTab })),
              },
              {
                path: 'verifications/:verificationId',
                errorElement: <RouteError />,
                lazy: () =>
                  import('../pages/VerificationPage').then((m) => ({
                    Component: m.VerificationPage,
                  })),
              },
            ],
          },
          {
            path: '*',
            lazy: () =>
              import('../pages/NotFoundPage').then((m) => ({ Component: m.NotFoundPage })),
          },
        ],
      },
    ],
  },
]);
