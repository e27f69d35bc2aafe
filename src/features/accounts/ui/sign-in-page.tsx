import { PageHeader } from "../../../../web/src/components/page-header.js";
import type { SessionInfo } from "../auth.schema.js";
import { SignInForm } from "./sign-in-form.js";

export function SignInPage({ onSignedIn }: { onSignedIn: (session: SessionInfo) => void }) {
  return (
    <div className="signed-out">
      <header className="signed-out-header">
        <p className="brand">Cascade</p>
      </header>
      <main id="main" className="signed-out-main">
        <PageHeader
          title="Sign in"
          intro="Use your work email and password. Cascade supports your agency's practice model: training, coaching and fidelity."
        />
        <SignInForm onSignedIn={onSignedIn} />
        <p className="muted">Cannot sign in? Contact your agency's Cascade administrator.</p>
      </main>
    </div>
  );
}
