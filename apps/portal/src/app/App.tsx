import { ErrorBoundary } from 'preact-iso/lazy';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso/router';
import { AccountsPage } from '../pages/accounts/AccountsPage';
import { ActivityPage } from '../pages/activity/ActivityPage';
import { AuthorizationsPage } from '../pages/authorizations/AuthorizationsPage';
import { DeclarationsPage } from '../pages/declarations/DeclarationsPage';
import { FaqPage, GuidePage } from '../pages/guide/GuidePage';
import { HomePage } from '../pages/home/HomePage';
import { LoginPage } from '../pages/login/LoginPage';
import { MessagesPage } from '../pages/messages/MessagesPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ObjectionsPage } from '../pages/objections/ObjectionsPage';
import { ReportPage } from '../pages/report/ReportPage';
import { WelcomePage } from '../pages/WelcomePage';
import { RequireLogin } from '../ui/page';
import { I18nProvider } from './i18n';
import { Layout } from './Layout';
import { PATHS, PORTAL_SCOPE } from './paths';
import { SessionProvider, useSession } from './session';

const signedIn = (Component: () => preact.JSX.Element) =>
  function SignedIn() {
    return (
      <RequireLogin>
        <Component />
      </RequireLogin>
    );
  };
const Accounts = signedIn(AccountsPage);
const Authorizations = signedIn(AuthorizationsPage);
const Report = signedIn(ReportPage);
const Activity = signedIn(ActivityPage);
const Messages = signedIn(MessagesPage);
const Declarations = signedIn(DeclarationsPage);
const Objections = signedIn(ObjectionsPage);

function Start() {
  const { session } = useSession();
  return session ? <HomePage /> : <WelcomePage />;
}

/** After login or logout, the page the session now belongs on. */
function Login() {
  const { session } = useSession();
  const { route } = useLocation();
  if (session) {
    queueMicrotask(() => route(PATHS.home, true));
    return null;
  }
  return <LoginPage />;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LocationProvider scope={PORTAL_SCOPE}>
          <Layout>
            <ErrorBoundary>
              <Router>
                <Route path={PATHS.home} component={Start} />
                <Route path={PATHS.guide} component={GuidePage} />
                <Route path={PATHS.faq} component={FaqPage} />
                <Route path={PATHS.login} component={Login} />
                <Route path={PATHS.accounts} component={Accounts} />
                <Route path={PATHS.authorizations} component={Authorizations} />
                <Route path={PATHS.report} component={Report} />
                <Route path={PATHS.activity} component={Activity} />
                <Route path={PATHS.messages} component={Messages} />
                <Route path={PATHS.declarations} component={Declarations} />
                <Route path={PATHS.objections} component={Objections} />
                <Route default component={NotFoundPage} />
              </Router>
            </ErrorBoundary>
          </Layout>
        </LocationProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
