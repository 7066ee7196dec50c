/** The reset mail, in Russian first and then English (the account has no language of its own). */
export function resetMail(name: string, link: string): { subject: string; text: string } {
  return {
    subject: 'Habeas: смена пароля / password reset',
    text: [
      `${name}, здравствуйте!`,
      '',
      'Кто-то (возможно, вы) попросил сменить пароль к Habeas. Чтобы задать новый пароль, откройте ссылку в течение часа:',
      link,
      'Если вы не просили о смене пароля, ничего не делайте: старый пароль продолжит действовать.',
      '',
      '—',
      '',
      `Hello ${name},`,
      '',
      'Someone (perhaps you) asked to reset your Habeas password. To set a new one, open this link within an hour:',
      link,
      'If you did not ask for this, do nothing: your password stays as it is.',
    ].join('\n'),
  };
}

/** A new invite link sent again by an admin, Russian first and then English. */
export function inviteMail(name: string, link: string): { subject: string; text: string } {
  return {
    subject: 'Habeas: приглашение / invitation',
    text: [
      `${name}, здравствуйте!`,
      '',
      'Вас пригласили в Habeas. Чтобы задать пароль и войти, откройте ссылку в течение семи дней:',
      link,
      '',
      '—',
      '',
      `Hello ${name},`,
      '',
      'You have been invited to Habeas. To set your password and sign in, open this link within seven days:',
      link,
    ].join('\n'),
  };
}
