const DAY = 24 * 3600_000;

/** The latest 8 May before `now`: the arrest and arraignment of case-article.txt, the anchor of every demo date. */
export function arrestDay(now = new Date()): Date {
  const year = now.getUTCMonth() > 4 || (now.getUTCMonth() === 4 && now.getUTCDate() > 8) ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return new Date(Date.UTC(year, 4, 8));
}

/** `days` after the arrest day at `time` (UTC, "HH:MM"), so all areas' demo rows tell one story in one year. */
export function daysAfterArrest(days: number, time: string, now = new Date()): Date {
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(arrestDay(now).getTime() + days * DAY + (hours * 60 + minutes) * 60_000);
}
