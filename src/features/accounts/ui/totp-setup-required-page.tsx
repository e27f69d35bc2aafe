import { useSession } from "../../../../web/src/app/session.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { TwoFactorSetup } from "./two-factor-setup.js";

/**
 * When the agency requires two-factor and this person has not set it up, this is all they
 * can do: set it up, or sign out.
 */
export function TotpSetupRequiredPage() {
  const { session, signOut, refresh } = useSession();
  return (
    <div className="signed-out">
      <header className="signed-out-header">
        <p className="brand">Cascade · {session.agency.name}</p>
        <button type="button" className="button button-secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" className="signed-out-main">
        <PageHeader
          title="Set up two-factor sign-in"
          intro={`${session.agency.name} asks everyone to use two-factor sign-in. It takes about two minutes, and then you can use Cascade as usual.`}
        />
        <TwoFactorSetup onEnabled={() => void refresh()} />
      </main>
    </div>
  );
}
