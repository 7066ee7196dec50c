import { SetPasswordPage } from './SetPasswordPage';

const texts = { title: 'auth.reset.title', hint: 'auth.reset.hint', submit: 'auth.reset.submit', done: 'auth.reset.done', invalid: 'auth.reset.invalid' };

/** A password reset link's landing page (mailed, or handed over by an admin). */
export function ResetPasswordPage() {
  return <SetPasswordPage link="reset" texts={texts} doneTestId="password-reset-done" />;
}
