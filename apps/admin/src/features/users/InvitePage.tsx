import { SetPasswordPage } from '../auth/SetPasswordPage';

const texts = { title: 'users.acceptTitle', hint: 'users.acceptHint', submit: 'users.acceptSubmit', done: 'users.acceptDone', invalid: 'users.inviteInvalid' };

/** The invite link's landing page: the new user chooses a password, then signs in. */
export function InvitePage() {
  return <SetPasswordPage link="invite" texts={texts} doneTestId="invite-accepted" />;
}
